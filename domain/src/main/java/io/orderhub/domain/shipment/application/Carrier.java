package io.orderhub.domain.shipment.application;

import io.orderhub.domain.shared.model.OrderId;
import io.orderhub.domain.shared.model.WarehouseId;

/**
 * The carrier that picks parcels up, as the shipment context needs it. Idempotent per tracking
 * number — ours, derived from order and package — so a retried hand-over never books a second
 * pick-up.
 */
public interface Carrier {

  /** A parcel to be picked up at {@code warehouse}, known to the carrier by its tracking number. */
  record Handover(OrderId orderId, int packageNo, WarehouseId warehouse, String trackingNumber) {}

  /** Books the pick-up of a parcel. Booking a tracking number again does not book again. */
  void handOver(Handover handover);
}
