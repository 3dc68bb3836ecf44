package io.orderhub.domain.inventory.model;

import io.orderhub.domain.shared.model.Sku;
import java.util.Objects;

/** So many units of a SKU an order needs reserved. */
public record StockRequest(Sku sku, int quantity) {

  public StockRequest {
    Objects.requireNonNull(sku, "sku");
    if (quantity <= 0) {
      throw new IllegalArgumentException(
          "Expected a positive quantity of " + sku + ", but got " + quantity);
    }
  }

  public static StockRequest of(String sku, int quantity) {
    return new StockRequest(Sku.of(sku), quantity);
  }
}
