package io.orderhub.app.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderhub.app.TestServers;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The local run's PostgreSQL: durable settings, and an orphan of a killed run is not reused. */
class EmbeddedPostgresLauncherTest {

  private final Path dataDir =
      Path.of("target", "test-data", UUID.randomUUID().toString(), "postgres").toAbsolutePath();
  private final int port = TestServers.freePort();

  @Test
  void shouldFlushEveryCommit() throws Exception {
    try (EmbeddedPostgres postgres = EmbeddedPostgresLauncher.start(dataDir, port)) {
      assertThat(setting(postgres, "fsync")).isEqualTo("on");
      assertThat(setting(postgres, "synchronous_commit")).isEqualTo("on");
      assertThat(setting(postgres, "full_page_writes")).isEqualTo("on");
    }
  }

  @Test
  void shouldStopAnOrphanedServerAndStartAFreshOneOnTheSameData() throws Exception {
    Path pgCtl;
    try (EmbeddedPostgres first = EmbeddedPostgresLauncher.start(dataDir, port)) {
      execute(first, "create table kept (id int); insert into kept values (42)");
      pgCtl =
          postmasterOf(dataDir)
              .info()
              .command()
              .map(Path::of)
              .orElseThrow()
              .resolveSibling("pg_ctl");
    }
    // what a killed application leaves behind: a postmaster nobody owns, with its own settings
    // (started as the embedded binaries' launcher does it: PostgreSQL refuses to run as root)
    Process start =
        new ProcessBuilder(
                "unshare",
                "-U",
                pgCtl.toString(),
                "-D",
                dataDir.toString(),
                "-o",
                "-p " + port + " -F",
                "-w",
                "start")
            .redirectErrorStream(true)
            .redirectOutput(dataDir.getParent().resolve("orphan.log").toFile())
            .start();
    assertThat(start.waitFor())
        .as(Files.readString(dataDir.getParent().resolve("orphan.log")))
        .isZero();
    ProcessHandle orphan = postmasterOf(dataDir);

    try (EmbeddedPostgres restarted = EmbeddedPostgresLauncher.start(dataDir, port)) {
      assertThat(orphan.isAlive()).as("the orphaned postmaster").isFalse();
      assertThat(postmasterOf(dataDir).pid()).isNotEqualTo(orphan.pid());
      assertThat(setting(restarted, "fsync")).isEqualTo("on");
      assertThat(query(restarted, "select id from kept")).isEqualTo("42");
    }
  }

  private static ProcessHandle postmasterOf(Path dataDir) throws Exception {
    return EmbeddedPostgresLauncher.orphanedPostmaster(dataDir).orElseThrow();
  }

  private static String setting(EmbeddedPostgres postgres, String name) throws SQLException {
    return query(postgres, "show " + name);
  }

  private static String query(EmbeddedPostgres postgres, String sql) throws SQLException {
    try (Connection connection = postgres.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }

  private static void execute(EmbeddedPostgres postgres, String sql) throws SQLException {
    try (Connection connection = postgres.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
