package io.orderhub.domain.inventory.model;

import io.orderhub.domain.shared.model.Sku;
import io.orderhub.domain.shared.model.WarehouseId;

/** How a reservation's change moves the stock counters of its SKU in its warehouse. */
public record StockAdjustment(
    Sku sku, WarehouseId warehouse, int availableDelta, int reservedDelta) {}
