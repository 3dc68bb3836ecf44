package io.orderhub.domain.shipment.application;

import io.orderhub.domain.shared.model.WarehouseId;
import io.orderhub.domain.shipment.model.Shipment;

/** What became of routing an order. Expected outcomes, not exceptions. */
public sealed interface RouteResult {

  /**
   * The order's shipment; {@code repeated} when an earlier call had routed it. Its {@link
   * Shipment#packageNumbers()} are the multi-instance collection of the dispatch step.
   */
  record Routed(Shipment shipment, boolean repeated) implements RouteResult {}

  /** No goods are reserved for the order: nothing to ship (e.g. released after cancellation). */
  record NothingReserved(String reason) implements RouteResult {}

  /**
   * A warehouse of the order has no dispatch slot left on any day of the booking horizon: nothing
   * was routed or booked.
   */
  record NoDispatchSlot(WarehouseId warehouse, String reason) implements RouteResult {}
}
