package io.orderhub.domain.shared.model;

/**
 * A fact an aggregate recorded about itself, named in the past tense ({@code OrderPaid}).
 *
 * <p>Events are immutable records; once released, the meaning and JSON shape of an event type never
 * change — a changed fact gets a new event type. The time an event happened is the time its
 * transaction wrote it to the outbox ({@code occurred_at}), so events carry no clock reading.
 */
public interface DomainEvent {

  /** Stable name of the event type, used as the outbox {@code event_type}. */
  default String eventType() {
    return getClass().getSimpleName();
  }
}
