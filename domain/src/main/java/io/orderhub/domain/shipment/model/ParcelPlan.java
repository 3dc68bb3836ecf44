package io.orderhub.domain.shipment.model;

import io.orderhub.domain.shared.model.WarehouseId;
import java.util.List;
import java.util.Objects;

/** What routing decided for one parcel: where it leaves from and what it holds. */
public record ParcelPlan(int packageNo, WarehouseId warehouse, List<ParcelItem> items) {

  public ParcelPlan {
    Objects.requireNonNull(warehouse, "warehouse");
    items = List.copyOf(items);
    if (packageNo <= 0 || items.isEmpty()) {
      throw new IllegalArgumentException(
          "Expected a positive package number and items, but got " + packageNo + " " + items);
    }
  }
}
