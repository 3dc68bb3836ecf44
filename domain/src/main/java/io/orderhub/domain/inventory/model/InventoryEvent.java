package io.orderhub.domain.inventory.model;

import io.orderhub.domain.shared.model.DomainEvent;
import io.orderhub.domain.shared.model.OrderId;
import io.orderhub.domain.shared.model.Sku;
import io.orderhub.domain.shared.model.WarehouseId;

/** Facts about reservations. */
public sealed interface InventoryEvent extends DomainEvent {

  OrderId orderId();

  record StockReserved(OrderId orderId, Sku sku, WarehouseId warehouse, int quantity)
      implements InventoryEvent {}

  record StockShipped(OrderId orderId, Sku sku, WarehouseId warehouse, int quantity)
      implements InventoryEvent {}

  record StockReleased(OrderId orderId, Sku sku, WarehouseId warehouse, int quantity)
      implements InventoryEvent {}

  record StockRestocked(OrderId orderId, Sku sku, WarehouseId warehouse, int quantity)
      implements InventoryEvent {}
}
