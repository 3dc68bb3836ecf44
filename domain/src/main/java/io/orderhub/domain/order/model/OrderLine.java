package io.orderhub.domain.order.model;

import io.orderhub.domain.shared.model.Money;
import io.orderhub.domain.shared.model.Sku;
import java.util.Objects;

/** One line of an order: so many units of a SKU at a unit price. */
public record OrderLine(Sku sku, int quantity, Money unitPrice) {

  public OrderLine {
    Objects.requireNonNull(sku, "sku");
    Objects.requireNonNull(unitPrice, "unit price");
    if (quantity <= 0) {
      throw new IllegalArgumentException(
          "Expected a positive quantity for " + sku + ", but got " + quantity);
    }
    if (unitPrice.amount().signum() < 0) {
      throw new IllegalArgumentException(
          "Expected a non-negative unit price for " + sku + ", but got " + unitPrice);
    }
  }

  public static OrderLine of(String sku, int quantity, String unitPrice, String currency) {
    return new OrderLine(Sku.of(sku), quantity, Money.of(unitPrice, currency));
  }

  public Money total() {
    return unitPrice.times(quantity);
  }
}
