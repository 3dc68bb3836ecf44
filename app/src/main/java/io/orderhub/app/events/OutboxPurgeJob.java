package io.orderhub.app.events;

import io.orderhub.domain.outbox.application.OutboxRelay;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Keeps the outbox a queue, not an archive: every {@code orderhub.events.outbox.purge-interval}
 * deletes rows older than {@code orderhub.events.outbox.retention}. With the Kafka relay on, only
 * published rows go (counted from their publication; unpublished ones wait for the broker however
 * long it takes); with it off nothing will ever publish them, so rows go by the time they were
 * written.
 */
public class OutboxPurgeJob {

  private static final Logger LOG = LoggerFactory.getLogger(OutboxPurgeJob.class);

  private final OutboxRelay relay;
  private final boolean relayed;
  private final Duration retention;
  private final Clock clock;

  public OutboxPurgeJob(OutboxRelay relay, boolean relayed, Duration retention, Clock clock) {
    this.relay = relay;
    this.relayed = relayed;
    this.retention = retention;
    this.clock = clock;
  }

  @Scheduled(
      initialDelayString = "${orderhub.events.outbox.purge-interval:PT1M}",
      fixedDelayString = "${orderhub.events.outbox.purge-interval:PT1M}")
  public void purge() {
    try {
      purgeAsOf(clock.instant());
    } catch (RuntimeException e) {
      LOG.warn("Outbox purge failed, the next run tries again: {}", e.toString());
    }
  }

  /**
   * @return how many rows were deleted
   */
  public int purgeAsOf(Instant now) {
    Instant cutoff = now.minus(retention);
    int deleted =
        relayed ? relay.deletePublishedBefore(cutoff) : relay.discardWrittenBefore(cutoff);
    if (deleted > 0) {
      LOG.debug("Purged {} outbox rows older than {}", deleted, cutoff);
    }
    return deleted;
  }
}
