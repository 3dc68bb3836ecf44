package io.orderhub.domain.shipment.model;

import io.orderhub.domain.shared.model.Sku;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Objects;

/** The persistent form of a {@link ParcelItem}, a row of {@code shipment.parcel_item}. */
@Embeddable
class ParcelItemColumns {

  @Column(name = "sku", nullable = false)
  private String sku;

  @Column(name = "quantity", nullable = false)
  private int quantity;

  protected ParcelItemColumns() {}

  ParcelItemColumns(ParcelItem item) {
    this.sku = item.sku().value();
    this.quantity = item.quantity();
  }

  ParcelItem toItem() {
    return new ParcelItem(Sku.of(sku), quantity);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ParcelItemColumns other
        && sku.equals(other.sku)
        && quantity == other.quantity;
  }

  @Override
  public int hashCode() {
    return Objects.hash(sku, quantity);
  }
}
