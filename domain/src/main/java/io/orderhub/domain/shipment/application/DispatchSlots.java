package io.orderhub.domain.shipment.application;

import io.orderhub.domain.shared.model.OrderId;
import io.orderhub.domain.shared.model.WarehouseId;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The dispatch capacity of the fulfilment nodes: a warehouse hands at most its daily capacity of
 * parcels to carriers a day, and routing books one slot per parcel.
 *
 * <p>Both calls run inside the shipment's transaction (the booking is recorded in it): a
 * rolled-back routing books nothing. Thread-safe.
 */
public interface DispatchSlots {

  /**
   * Books a slot at {@code warehouse} for the order on the first day from {@code from} that has
   * room. Idempotent per (order, warehouse): a repeat answers the day booked before.
   *
   * @return the day, or empty when no day of the booking horizon has room
   * @throws DispatchSlotsContended when the booking must be retried in a new transaction (the
   *     allocator changed under it)
   */
  Optional<LocalDate> book(OrderId order, WarehouseId warehouse, LocalDate from);

  /** Gives the order's slots back (its shipment was recalled). Idempotent. */
  void release(OrderId order);
}
