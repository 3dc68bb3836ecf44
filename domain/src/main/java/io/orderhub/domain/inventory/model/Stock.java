package io.orderhub.domain.inventory.model;

import io.orderhub.domain.shared.model.Sku;
import io.orderhub.domain.shared.model.WarehouseId;
import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * The stock counters of one SKU in one warehouse. Only ever changed by single conditional or
 * additive SQL updates (see the {@code Stocks} repository), never by loading, changing and saving —
 * that would lose concurrent updates — hence no version and no setters.
 */
@Entity
@Table(name = "stock", schema = "inventory")
public class Stock {

  @EmbeddedId private StockKey key;

  @Column(nullable = false)
  private int available;

  @Column(nullable = false)
  private int reserved;

  protected Stock() {}

  public Sku sku() {
    return Sku.of(key.sku());
  }

  public WarehouseId warehouse() {
    return WarehouseId.of(key.warehouseId());
  }

  public StockLevel level() {
    return new StockLevel(sku(), warehouse(), available, reserved);
  }
}
