package io.orderhub.domain.outbox.application;

import io.orderhub.domain.outbox.model.OutboxMessage;
import java.util.List;

/**
 * Where the relay hands outbox messages (Kafka {@code orders.events} in production).
 *
 * <p>Contract: return only once every message of the batch is durably accepted downstream, in the
 * given order (for Kafka: sent keyed by {@link OutboxMessage#aggregateId()}, all acknowledged).
 * Throwing leaves the whole batch unpublished; it is offered again on the next relay run, so a
 * message may be published more than once — never lost.
 */
@FunctionalInterface
public interface OutboxPublisher {

  void publish(List<OutboxMessage> batch) throws Exception;
}
