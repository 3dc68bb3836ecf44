package io.orderhub.domain.shipment.model;

/** See the table in the {@code shipment} package documentation. */
public enum ShipmentStatus {
  ROUTED,
  DISPATCHING,
  DISPATCHED,
  DELIVERED,
  RECALLED
}
