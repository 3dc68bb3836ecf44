package io.orderhub.domain.outbox.application;

import io.orderhub.domain.outbox.infrastructure.EventJson;
import io.orderhub.domain.outbox.infrastructure.OutboxTable;
import io.orderhub.domain.shared.model.AggregateRoot;
import io.orderhub.domain.shared.model.DomainEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Appends the events an aggregate recorded to the outbox — only inside the transaction that saves
 * the aggregate, so that the state change and its events commit or roll back together.
 *
 * <p>Thread-safe; holds no state of its own.
 */
public class OutboxWriter {

  private final OutboxTable table;
  private final EventJson json;
  private final Clock clock;
  private final List<OutboxObserver> observers;

  public OutboxWriter(OutboxTable table, EventJson json, Clock clock) {
    this(table, json, clock, List.of());
  }

  public OutboxWriter(
      OutboxTable table, EventJson json, Clock clock, List<OutboxObserver> observers) {
    this.table = table;
    this.json = json;
    this.clock = clock;
    this.observers = List.copyOf(observers);
  }

  /**
   * Drains {@code aggregate}'s recorded events into the outbox, oldest first.
   *
   * @return the number of rows written
   * @throws IllegalStateException when no transaction is active: a row written outside the
   *     aggregate's transaction could survive a rolled-back change, or be lost with a committed one
   */
  public int appendRecordedEvents(AggregateRoot aggregate) {
    if (!TransactionSynchronizationManager.isActualTransactionActive()) {
      throw new IllegalStateException(
          "Expected to append "
              + aggregate.aggregateType()
              + " events of order "
              + aggregate.orderId()
              + " inside the transaction that saves it, but no transaction is active");
    }
    List<DomainEvent> events = aggregate.pullRecordedEvents();
    Instant occurredAt = clock.instant();
    for (DomainEvent event : events) {
      table.insert(
          UUID.randomUUID(),
          aggregate.aggregateType(),
          aggregate.orderId().asString(),
          event.eventType(),
          json.write(event),
          occurredAt);
    }
    if (!observers.isEmpty() && !events.isEmpty()) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCommit() {
              observers.forEach(observer -> observer.committed(aggregate, events));
            }
          });
    }
    return events.size();
  }
}
