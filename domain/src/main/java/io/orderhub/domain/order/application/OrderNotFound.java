package io.orderhub.domain.order.application;

import io.orderhub.domain.shared.model.OrderId;

/** A command named an order that does not exist. */
public class OrderNotFound extends RuntimeException {

  private final OrderId orderId;

  public OrderNotFound(OrderId orderId) {
    super("Expected order " + orderId + " to exist, but there is no such order");
    this.orderId = orderId;
  }

  public OrderId orderId() {
    return orderId;
  }
}
