package io.orderhub.domain.inventory.model;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.io.Serializable;
import java.util.Objects;

/** Primary key of {@link Stock}: a SKU in a warehouse. */
@Embeddable
public class StockKey implements Serializable {

  @Column(name = "sku", nullable = false)
  private String sku;

  @Column(name = "warehouse_id", nullable = false)
  private String warehouseId;

  protected StockKey() {}

  public StockKey(String sku, String warehouseId) {
    this.sku = sku;
    this.warehouseId = warehouseId;
  }

  public String sku() {
    return sku;
  }

  public String warehouseId() {
    return warehouseId;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StockKey other
        && sku.equals(other.sku)
        && warehouseId.equals(other.warehouseId);
  }

  @Override
  public int hashCode() {
    return Objects.hash(sku, warehouseId);
  }
}
