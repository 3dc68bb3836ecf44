package io.orderhub.domain.outbox.application;

import io.orderhub.domain.shared.model.AggregateRoot;
import io.orderhub.domain.shared.model.DomainEvent;
import java.util.List;

/**
 * Told about the events an aggregate recorded once the transaction that wrote them to the outbox
 * has committed (metrics: state transitions, saga durations). Never told about a rolled-back
 * change. Runs on the committing thread, after the commit: it must be cheap and must not throw.
 */
@FunctionalInterface
public interface OutboxObserver {

  void committed(AggregateRoot aggregate, List<DomainEvent> events);
}
