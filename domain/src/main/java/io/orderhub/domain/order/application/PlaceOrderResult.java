package io.orderhub.domain.order.application;

import io.orderhub.domain.order.model.Order;

/** What became of a {@link PlaceOrder}. Expected outcomes, not exceptions. */
public sealed interface PlaceOrderResult {

  /** The order that now exists for the command's idempotency key. */
  Order order();

  /** A new order was created (and {@code OrderCreated} written to the outbox). */
  record Created(Order order) implements PlaceOrderResult {}

  /** The key was used before for the same order: this is that order, nothing new happened. */
  record AlreadyPlaced(Order order) implements PlaceOrderResult {}

  /**
   * The key (or the order id) was used before for a different order: refuse the command (HTTP
   * 409/422); {@code order} is the existing one.
   */
  record KeyReused(Order order, String reason) implements PlaceOrderResult {}
}
