package io.orderhub.app.observability;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The outbox's unpublished rows and the age of the oldest: what says the relay to Kafka keeps up.
 * Read from the table when scraped (the partial index on unpublished rows keeps it cheap), at most
 * once a second.
 */
public class OutboxMeters {

  private static final Duration FRESH_FOR = Duration.ofSeconds(1);
  private final JdbcClient jdbc;
  private final Clock clock;
  private volatile Sample sample = new Sample(0, 0, Instant.MIN);

  private record Sample(long backlog, double oldestAgeSeconds, Instant takenAt) {}

  public OutboxMeters(MeterRegistry registry, JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
    Gauge.builder(AppMeters.OUTBOX_BACKLOG, this, m -> m.sample().backlog())
        .description("Outbox rows not yet published to Kafka")
        .register(registry);
    Gauge.builder(AppMeters.OUTBOX_OLDEST_AGE, this, m -> m.sample().oldestAgeSeconds())
        .description("Age of the oldest unpublished outbox row; 0 when none waits")
        .register(registry);
  }

  private Sample sample() {
    Sample current = sample;
    Instant now = clock.instant();
    if (current.takenAt().plus(FRESH_FOR).isAfter(now)) {
      return current;
    }
    Sample next =
        jdbc.sql(
                "select count(*) as backlog, min(occurred_at) as oldest"
                    + " from outbox.outbox_event where published_at is null")
            .query(
                (rs, row) -> {
                  java.sql.Timestamp oldest = rs.getTimestamp("oldest");
                  double age =
                      oldest == null
                          ? 0
                          : Math.max(
                              0, Duration.between(oldest.toInstant(), now).toMillis() / 1000.0);
                  return new Sample(rs.getLong("backlog"), age, now);
                })
            .single();
    sample = next;
    return next;
  }
}
