package io.orderhub.engine.exporter;

import io.orderhub.engine.clock.EngineClock;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes process instances that ended longer ago than the retention, with everything that belongs
 * to them, in the background and in small transactions so the exporter is never held up for long.
 */
public final class RetentionCleaner implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(RetentionCleaner.class);
  private static final int CHUNK = 500;
  private static final List<String> CHILD_TABLES =
      List.of(
          "element_instance",
          "sequence_flow",
          "variable",
          "incident",
          "job",
          "decision_instance",
          "process_instance_tag",
          "process_instance");

  private final SecondaryStorage storage;
  private final EngineClock clock;
  private final Duration retention;
  private final ScheduledExecutorService scheduler =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread thread = new Thread(r, "engine-readmodel-retention");
            thread.setDaemon(true);
            return thread;
          });

  public RetentionCleaner(SecondaryStorage storage, EngineClock clock) {
    this.storage = storage;
    this.clock = clock;
    this.retention = storage.config().retention();
  }

  public RetentionCleaner start(Duration every) {
    scheduler.scheduleWithFixedDelay(
        () -> {
          try {
            removeExpired();
          } catch (SQLException | RuntimeException e) {
            LOG.warn("Expected to remove expired instances from the read model, but it failed", e);
          }
        },
        every.toMillis(),
        every.toMillis(),
        TimeUnit.MILLISECONDS);
    return this;
  }

  /** Removes every instance that ended before now minus the retention; returns how many. */
  public int removeExpired() throws SQLException {
    long cutoff = clock.millis() - retention.toMillis();
    int removed = 0;
    while (true) {
      List<Long> keys = new ArrayList<>(CHUNK);
      try (Connection connection = storage.dataSource().getConnection()) {
        try (PreparedStatement select =
            connection.prepareStatement(
                "SELECT process_instance_key FROM process_instance WHERE end_date < ?"
                    + " ORDER BY end_date FETCH FIRST "
                    + CHUNK
                    + " ROWS ONLY")) {
          select.setLong(1, cutoff);
          try (ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
              keys.add(rs.getLong(1));
            }
          }
        }
        if (keys.isEmpty()) {
          return removed;
        }
        connection.setAutoCommit(false);
        String in = String.join(",", keys.stream().map(String::valueOf).toList());
        try (var statement = connection.createStatement()) {
          for (String table : CHILD_TABLES) {
            statement.executeUpdate(
                "DELETE FROM " + table + " WHERE process_instance_key IN (" + in + ")");
          }
        }
        connection.commit();
        removed += keys.size();
      }
    }
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
  }
}
