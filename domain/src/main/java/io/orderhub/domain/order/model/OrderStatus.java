package io.orderhub.domain.order.model;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Every state of an order, and — in {@link #allowedNext()} — every legal transition between them.
 * This is the single place the lifecycle is defined; the table in this package's {@code
 * package-info} documents the same rows.
 */
public enum OrderStatus {
  CREATED,
  VALIDATED,
  REJECTED,
  STOCK_RESERVED,
  OUT_OF_STOCK,
  PAYMENT_PENDING,
  PAID,
  PAYMENT_FAILED,
  PAYMENT_TIMED_OUT,
  ROUTED,
  DISPATCHING,
  DISPATCHED,
  DELIVERY_FAILED,
  DELIVERED,
  COMPLETED,
  CANCELLATION_REQUESTED,
  CANCELLED,
  RETURN_REQUESTED,
  RETURN_APPROVED,
  RETURN_REJECTED,
  RETURN_PICKED_UP,
  RETURN_RECEIVED,
  RETURN_INSPECTED,
  REFUNDED,
  RETURNED;

  private static final Map<OrderStatus, Set<OrderStatus>> ALLOWED_NEXT = transitionTable();

  /** The states an order in this state may move to next; empty for a final state. */
  public Set<OrderStatus> allowedNext() {
    return ALLOWED_NEXT.get(this);
  }

  public boolean canMoveTo(OrderStatus next) {
    return allowedNext().contains(next);
  }

  /** No transition leaves a final state. */
  public boolean isFinal() {
    return allowedNext().isEmpty();
  }

  // A switch expression rather than constructor arguments: enum constants cannot refer to constants
  // declared after them, and the switch must cover every state, so a new state cannot be forgotten.
  private static Map<OrderStatus, Set<OrderStatus>> transitionTable() {
    Map<OrderStatus, Set<OrderStatus>> table = new EnumMap<>(OrderStatus.class);
    for (OrderStatus from : values()) {
      Set<OrderStatus> next =
          switch (from) {
            case CREATED -> EnumSet.of(VALIDATED, REJECTED, CANCELLATION_REQUESTED);
            case VALIDATED -> EnumSet.of(STOCK_RESERVED, OUT_OF_STOCK, CANCELLATION_REQUESTED);
            case OUT_OF_STOCK -> EnumSet.of(STOCK_RESERVED, CANCELLATION_REQUESTED);
            case STOCK_RESERVED -> EnumSet.of(PAYMENT_PENDING, CANCELLATION_REQUESTED);
            case PAYMENT_PENDING ->
                EnumSet.of(PAID, PAYMENT_FAILED, PAYMENT_TIMED_OUT, CANCELLATION_REQUESTED);
            case PAYMENT_FAILED -> EnumSet.of(PAYMENT_PENDING, CANCELLATION_REQUESTED);
            case PAYMENT_TIMED_OUT -> EnumSet.of(CANCELLATION_REQUESTED);
            case PAID -> EnumSet.of(ROUTED, CANCELLATION_REQUESTED);
            case ROUTED -> EnumSet.of(DISPATCHING, CANCELLATION_REQUESTED);
            case DISPATCHING -> EnumSet.of(DISPATCHED, CANCELLATION_REQUESTED);
            case DISPATCHED -> EnumSet.of(DELIVERED, DELIVERY_FAILED, CANCELLATION_REQUESTED);
            case DELIVERY_FAILED -> EnumSet.of(DISPATCHED, CANCELLATION_REQUESTED);
            case DELIVERED -> EnumSet.of(COMPLETED, RETURN_REQUESTED);
            case COMPLETED -> EnumSet.of(RETURN_REQUESTED);
            case CANCELLATION_REQUESTED -> EnumSet.of(CANCELLED);
            case RETURN_REQUESTED -> EnumSet.of(RETURN_APPROVED, RETURN_REJECTED);
            case RETURN_APPROVED -> EnumSet.of(RETURN_PICKED_UP);
            case RETURN_PICKED_UP -> EnumSet.of(RETURN_RECEIVED);
            case RETURN_RECEIVED -> EnumSet.of(RETURN_INSPECTED, RETURN_REJECTED);
            case RETURN_INSPECTED -> EnumSet.of(REFUNDED);
            case REFUNDED -> EnumSet.of(RETURNED);
            case RETURN_REJECTED -> EnumSet.of(RETURN_REQUESTED);
            case REJECTED, CANCELLED, RETURNED -> EnumSet.noneOf(OrderStatus.class);
          };
      table.put(from, Collections.unmodifiableSet(next));
    }
    return Collections.unmodifiableMap(table);
  }
}
