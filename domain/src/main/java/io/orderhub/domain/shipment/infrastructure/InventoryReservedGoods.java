package io.orderhub.domain.shipment.infrastructure;

import io.orderhub.domain.inventory.application.InventoryService;
import io.orderhub.domain.inventory.model.ReservationStatus;
import io.orderhub.domain.shared.model.OrderId;
import io.orderhub.domain.shipment.application.ReservedGoods;
import java.util.List;

/**
 * {@link ReservedGoods} read through the inventory context's service — never its tables: each
 * context owns its schema.
 */
public class InventoryReservedGoods implements ReservedGoods {

  private final InventoryService inventory;

  public InventoryReservedGoods(InventoryService inventory) {
    this.inventory = inventory;
  }

  @Override
  public List<ReservedLine> reservedFor(OrderId orderId) {
    return inventory.reservationsOf(orderId).stream()
        .filter(reservation -> reservation.status() == ReservationStatus.RESERVED)
        .map(r -> new ReservedLine(r.sku(), r.quantity(), r.warehouse()))
        .toList();
  }
}
