package io.orderhub.domain.inventory.application;

import io.orderhub.domain.inventory.model.Reservation;
import io.orderhub.domain.shared.model.Sku;
import java.util.List;

/** What became of a reserve call. Expected outcomes, not exceptions. */
public sealed interface ReserveResult {

  /**
   * The order holds its stock. {@code repeated}: reserved by an earlier call, this one took
   * nothing.
   */
  record Reserved(List<Reservation> reservations, boolean repeated) implements ReserveResult {}

  /**
   * Some SKUs had not enough units in any single warehouse; nothing was reserved for the order
   * (BPMN error, e.g. {@code OUT_OF_STOCK}).
   */
  record OutOfStock(List<Sku> missing) implements ReserveResult {}

  /**
   * The order's reservations were already released or restocked — a late retry after compensation.
   * Nothing is reserved again.
   */
  record AlreadyReleased(List<Reservation> reservations) implements ReserveResult {}
}
