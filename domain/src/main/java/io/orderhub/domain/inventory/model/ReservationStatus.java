package io.orderhub.domain.inventory.model;

/** See the table in the {@code inventory} package documentation. */
public enum ReservationStatus {
  RESERVED,
  SHIPPED,
  RELEASED,
  RESTOCKED
}
