package io.orderhub.domain.shared.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Base of every aggregate: collects the events its behaviour records until the application service
 * that saved it drains them into the outbox, in the same transaction.
 *
 * <p>Not a JPA mapped superclass on purpose: the recorded events are transient working state, not
 * persistent state. Not thread-safe — an aggregate instance belongs to one transaction.
 */
public abstract class AggregateRoot {

  private final transient List<DomainEvent> recordedEvents = new ArrayList<>();

  /** Name of the aggregate type, the outbox {@code aggregate_type}. */
  public abstract String aggregateType();

  /**
   * The outbox {@code aggregate_id}: always the id of the order this aggregate belongs to, so that
   * a relay keying messages by it keeps every order's events in order, across contexts.
   */
  public abstract OrderId orderId();

  protected void record(DomainEvent event) {
    recordedEvents.add(event);
  }

  /** Events recorded since the last call, oldest first; the aggregate forgets them. */
  public List<DomainEvent> pullRecordedEvents() {
    List<DomainEvent> events = List.copyOf(recordedEvents);
    recordedEvents.clear();
    return events;
  }

  /** Events recorded and not yet pulled, oldest first. */
  public List<DomainEvent> recordedEvents() {
    return List.copyOf(recordedEvents);
  }
}
