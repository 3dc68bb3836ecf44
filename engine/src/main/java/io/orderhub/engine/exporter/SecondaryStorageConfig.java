package io.orderhub.engine.exporter;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Where the read model lives and how long finished instances stay in it.
 *
 * @param url a JDBC URL: {@code jdbc:h2:file:...} (the default, under the data directory) or {@code
 *     jdbc:postgresql://...}; null disables the exporter and the searches answer 501
 * @param retention how long a completed or terminated process instance stays searchable
 * @param queueCapacity committed batches buffered for the exporter; beyond it the exporter falls
 *     behind and catches up by reading the journal, so the processing thread never waits for it
 */
public record SecondaryStorageConfig(
    String url, String user, String password, Duration retention, int queueCapacity) {

  public static final Duration DEFAULT_RETENTION = Duration.ofDays(30);
  public static final int DEFAULT_QUEUE_CAPACITY = 10_000;

  public SecondaryStorageConfig {
    Objects.requireNonNull(retention, "retention");
    if (retention.isNegative() || retention.isZero()) {
      throw new IllegalArgumentException("retention must be positive, but was " + retention);
    }
    if (queueCapacity < 1) {
      throw new IllegalArgumentException(
          "queueCapacity must be positive, but was " + queueCapacity);
    }
  }

  /** An H2 file under the data directory: no set-up, like Camunda 8 Run since 8.9. */
  public static SecondaryStorageConfig h2In(Path dataDir) {
    Path file = dataDir.toAbsolutePath().resolve("secondary-storage").resolve("readmodel");
    return new SecondaryStorageConfig(
        "jdbc:h2:file:" + file + ";DB_CLOSE_ON_EXIT=FALSE",
        "sa",
        "",
        DEFAULT_RETENTION,
        DEFAULT_QUEUE_CAPACITY);
  }

  public static SecondaryStorageConfig disabled() {
    return new SecondaryStorageConfig(null, null, null, DEFAULT_RETENTION, DEFAULT_QUEUE_CAPACITY);
  }

  public boolean enabled() {
    return url != null && !url.isBlank();
  }

  public boolean isPostgres() {
    return enabled() && url.startsWith("jdbc:postgresql:");
  }

  public SecondaryStorageConfig withUrl(String newUrl, String newUser, String newPassword) {
    return new SecondaryStorageConfig(newUrl, newUser, newPassword, retention, queueCapacity);
  }

  public SecondaryStorageConfig withRetention(Duration newRetention) {
    return new SecondaryStorageConfig(url, user, password, newRetention, queueCapacity);
  }

  public SecondaryStorageConfig withQueueCapacity(int capacity) {
    return new SecondaryStorageConfig(url, user, password, retention, capacity);
  }

  @Override
  public String toString() {
    return "SecondaryStorageConfig[url="
        + url
        + ", user="
        + user
        + ", retention="
        + retention
        + "]";
  }
}
