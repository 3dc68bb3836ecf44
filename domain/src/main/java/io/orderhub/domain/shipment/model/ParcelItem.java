package io.orderhub.domain.shipment.model;

import io.orderhub.domain.shared.model.Sku;
import java.util.Objects;

/** So many units of a SKU in a parcel. */
public record ParcelItem(Sku sku, int quantity) {

  public ParcelItem {
    Objects.requireNonNull(sku, "sku");
    if (quantity <= 0) {
      throw new IllegalArgumentException(
          "Expected a positive quantity of " + sku + " in a parcel, but got " + quantity);
    }
  }
}
