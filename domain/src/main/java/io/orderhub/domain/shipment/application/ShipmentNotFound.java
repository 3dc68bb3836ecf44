package io.orderhub.domain.shipment.application;

import io.orderhub.domain.shared.model.OrderId;

/** A command named the shipment of an order that was never routed. */
public class ShipmentNotFound extends RuntimeException {

  public ShipmentNotFound(OrderId orderId) {
    super("Expected a shipment of order " + orderId + ", but the order was never routed");
  }
}
