package io.orderhub.app.events;

import io.orderhub.domain.outbox.application.OutboxPublisher;
import io.orderhub.domain.outbox.application.OutboxRelay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Relays the outbox on a fixed delay. One scheduled task per application instance: the relay's rows
 * are locked per batch, so several instances never publish the same row at once.
 */
public class OutboxRelayJob {

  private static final Logger LOG = LoggerFactory.getLogger(OutboxRelayJob.class);

  private final OutboxRelay relay;
  private final OutboxPublisher publisher;

  public OutboxRelayJob(OutboxRelay relay, OutboxPublisher publisher) {
    this.relay = relay;
    this.publisher = publisher;
  }

  @Scheduled(fixedDelayString = "${orderhub.events.relay-interval:PT1S}")
  public void relay() {
    try {
      relay.relayAll(publisher);
    } catch (RuntimeException e) {
      // broker or database away for a moment: the rows stay unpublished, the next run retries
      LOG.warn("Outbox relay failed, {} messages wait: {}", backlogOrUnknown(), e.toString());
    }
  }

  private String backlogOrUnknown() {
    try {
      return Long.toString(relay.backlog());
    } catch (RuntimeException e) {
      return "an unknown number of";
    }
  }
}
