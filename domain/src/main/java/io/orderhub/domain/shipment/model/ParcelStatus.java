package io.orderhub.domain.shipment.model;

/** See the table in the {@code shipment} package documentation. */
public enum ParcelStatus {
  PENDING,
  DISPATCHED,
  DELIVERED,
  RECALLED,
  CANCELLED
}
