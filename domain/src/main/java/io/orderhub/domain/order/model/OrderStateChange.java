package io.orderhub.domain.order.model;

import io.orderhub.domain.order.model.OrderEvent.*;
import java.time.Instant;

/**
 * One line of an order's history: the state an event moved it into, why (when the event says), and
 * when.
 */
public record OrderStateChange(
    OrderStatus status, String reason, String eventType, Instant occurredAt) {

  /** The state change {@code event} stands for, at {@code occurredAt}. */
  public static OrderStateChange of(OrderEvent event, Instant occurredAt) {
    return new OrderStateChange(statusAfter(event), reasonOf(event), event.eventType(), occurredAt);
  }

  // exhaustive over the sealed events: a new event cannot be forgotten here
  private static OrderStatus statusAfter(OrderEvent event) {
    return switch (event) {
      case OrderCreated e -> OrderStatus.CREATED;
      case OrderValidated e -> OrderStatus.VALIDATED;
      case OrderRejected e -> OrderStatus.REJECTED;
      case OrderStockReserved e -> OrderStatus.STOCK_RESERVED;
      case OrderOutOfStock e -> OrderStatus.OUT_OF_STOCK;
      case OrderPaymentRequested e -> OrderStatus.PAYMENT_PENDING;
      case OrderPaid e -> OrderStatus.PAID;
      case OrderPaymentFailed e -> OrderStatus.PAYMENT_FAILED;
      case OrderPaymentTimedOut e -> OrderStatus.PAYMENT_TIMED_OUT;
      case OrderRouted e -> OrderStatus.ROUTED;
      case OrderDispatchStarted e -> OrderStatus.DISPATCHING;
      case OrderDispatched e -> OrderStatus.DISPATCHED;
      case OrderDeliveryFailed e -> OrderStatus.DELIVERY_FAILED;
      case OrderDelivered e -> OrderStatus.DELIVERED;
      case OrderCompleted e -> OrderStatus.COMPLETED;
      case OrderCancellationRequested e -> OrderStatus.CANCELLATION_REQUESTED;
      case OrderCancelled e -> OrderStatus.CANCELLED;
      case OrderReturnRequested e -> OrderStatus.RETURN_REQUESTED;
      case OrderReturnApproved e -> OrderStatus.RETURN_APPROVED;
      case OrderReturnRejected e -> OrderStatus.RETURN_REJECTED;
      case OrderReturnPickedUp e -> OrderStatus.RETURN_PICKED_UP;
      case OrderReturnReceived e -> OrderStatus.RETURN_RECEIVED;
      case OrderReturnInspected e -> OrderStatus.RETURN_INSPECTED;
      case OrderRefunded e -> OrderStatus.REFUNDED;
      case OrderReturned e -> OrderStatus.RETURNED;
    };
  }

  private static String reasonOf(OrderEvent event) {
    return switch (event) {
      case OrderRejected e -> e.reason();
      case OrderOutOfStock e -> "out of stock: " + e.missing();
      case OrderPaymentFailed e -> e.reason();
      case OrderPaymentTimedOut e -> "payment timed out";
      case OrderDeliveryFailed e -> e.reason();
      case OrderCancellationRequested e -> e.reason();
      case OrderReturnRequested e -> e.reason();
      case OrderReturnRejected e -> e.reason();
      default -> null;
    };
  }
}
