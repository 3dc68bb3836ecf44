package io.orderhub.domain.inventory.model;

import io.orderhub.domain.shared.model.Sku;
import io.orderhub.domain.shared.model.WarehouseId;

/** A reading of the stock counters of a SKU in a warehouse. */
public record StockLevel(Sku sku, WarehouseId warehouse, int available, int reserved) {}
