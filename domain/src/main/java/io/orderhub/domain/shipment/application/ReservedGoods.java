package io.orderhub.domain.shipment.application;

import io.orderhub.domain.shared.model.OrderId;
import io.orderhub.domain.shared.model.Sku;
import io.orderhub.domain.shared.model.WarehouseId;
import java.util.List;

/** Port: where the goods reserved for an order are. Implemented over the inventory context. */
@FunctionalInterface
public interface ReservedGoods {

  /** The units still reserved for the order, by warehouse; empty when nothing is held. */
  List<ReservedLine> reservedFor(OrderId orderId);

  record ReservedLine(Sku sku, int quantity, WarehouseId warehouse) {}
}
