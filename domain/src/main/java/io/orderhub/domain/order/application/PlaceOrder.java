package io.orderhub.domain.order.application;

import io.orderhub.domain.order.model.CustomerId;
import io.orderhub.domain.order.model.IdempotencyKey;
import io.orderhub.domain.order.model.OrderLine;
import io.orderhub.domain.order.model.ShippingAddress;
import io.orderhub.domain.shared.model.OrderId;
import java.util.List;
import java.util.Objects;

/**
 * Command: place an order. The caller picks the order id (so that an order can be keyed by it
 * before it is persisted, e.g. on an intake topic); the idempotency key makes a retry safe.
 */
public record PlaceOrder(
    OrderId orderId,
    CustomerId customerId,
    IdempotencyKey idempotencyKey,
    List<OrderLine> lines,
    ShippingAddress shippingAddress) {

  public PlaceOrder {
    Objects.requireNonNull(orderId, "order id");
    Objects.requireNonNull(customerId, "customer id");
    Objects.requireNonNull(idempotencyKey, "idempotency key");
    lines = List.copyOf(lines);
    Objects.requireNonNull(shippingAddress, "shipping address");
  }
}
