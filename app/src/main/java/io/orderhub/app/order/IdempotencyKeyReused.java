package io.orderhub.app.order;

import io.orderhub.domain.shared.model.OrderId;

/**
 * The idempotency key was used before, for an order with other content: the request is refused
 * (REST 422, gRPC ALREADY_EXISTS) and nothing is created.
 */
public class IdempotencyKeyReused extends RuntimeException {

  private final OrderId existingOrderId;

  public IdempotencyKeyReused(OrderId existingOrderId, String reason) {
    super(reason);
    this.existingOrderId = existingOrderId;
  }

  public OrderId existingOrderId() {
    return existingOrderId;
  }
}
