package io.orderhub.app.local;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the embedded PostgreSQL on a data directory that outlives the application, durably.
 *
 * <p>Durable: the embedded binaries' launcher starts the server with {@code -F} (no fsync) and
 * {@code synchronous_commit=off}; both are switched back on here, so an order acknowledged with 201
 * survives a power cut as the engine's journal does.
 *
 * <p>Orphans: a PostgreSQL started by an application that was killed ({@code kill -9}) keeps
 * running and holding the data directory. It is stopped (fast shutdown: its clients died with the
 * application) and a fresh server is started, never reused — the orphan runs with whatever settings
 * the dead process gave it and nobody would stop it at the end.
 */
public final class EmbeddedPostgresLauncher {

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresLauncher.class);
  private static final Duration ORPHAN_STOP_WAIT = Duration.ofSeconds(60);

  private EmbeddedPostgresLauncher() {}

  public static EmbeddedPostgres start(Path dataDir, int port) throws IOException {
    Files.createDirectories(dataDir);
    orphanedPostmaster(dataDir).ifPresent(orphan -> stop(orphan, dataDir));
    return EmbeddedPostgres.builder()
        .setDataDirectory(dataDir)
        .setCleanDataDirectory(false)
        // stopped by the context (after the DataSource closed), not by a JVM hook racing it
        .setRegisterShutdownHook(false)
        .setPort(port)
        // later settings win over the launcher's -F: every commit is flushed before its answer
        .setServerConfig("fsync", "on")
        .setServerConfig("synchronous_commit", "on")
        .setServerConfig("full_page_writes", "on")
        .setServerConfig("max_connections", "100")
        .start();
  }

  /** The live postmaster named by the data directory's {@code postmaster.pid}, if any. */
  static Optional<ProcessHandle> orphanedPostmaster(Path dataDir) throws IOException {
    Path pidFile = dataDir.resolve("postmaster.pid");
    if (!Files.exists(pidFile)) {
      return Optional.empty();
    }
    List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
    if (lines.isEmpty() || lines.getFirst().isBlank()) {
      return Optional.empty();
    }
    long pid;
    try {
      pid = Long.parseLong(lines.getFirst().trim());
    } catch (NumberFormatException e) {
      return Optional.empty(); // half-written by a crash: PostgreSQL itself deals with it
    }
    // a stale file's pid may belong to an unrelated process by now: only a postgres is stopped
    return ProcessHandle.of(pid)
        .filter(ProcessHandle::isAlive)
        .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false));
  }

  private static void stop(ProcessHandle orphan, Path dataDir) {
    LOG.warn(
        "PostgreSQL {} left running on {} by an earlier run that did not stop it; stopping it",
        orphan.pid(),
        dataDir);
    try {
      // SIGINT is PostgreSQL's fast shutdown: roll back what its dead clients left, checkpoint
      new ProcessBuilder("kill", "-INT", Long.toString(orphan.pid())).inheritIO().start().waitFor();
      orphan.onExit().get(ORPHAN_STOP_WAIT.toSeconds(), TimeUnit.SECONDS);
    } catch (IOException | ExecutionException | TimeoutException e) {
      throw new IllegalStateException(
          "Expected the orphaned PostgreSQL "
              + orphan.pid()
              + " on "
              + dataDir
              + " to stop within "
              + ORPHAN_STOP_WAIT
              + ", but it did not; stop it by hand",
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while stopping PostgreSQL " + orphan.pid(), e);
    }
  }
}
