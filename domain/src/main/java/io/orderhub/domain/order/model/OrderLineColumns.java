package io.orderhub.domain.order.model;

import io.orderhub.domain.shared.model.Money;
import io.orderhub.domain.shared.model.Sku;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.math.BigDecimal;
import java.util.Currency;

/**
 * The persistent form of an {@link OrderLine}, a row of {@code orders.order_line}. Kept apart so
 * that the line the rest of the code (and the events) see is an immutable record.
 */
@Embeddable
class OrderLineColumns {

  @Column(name = "sku", nullable = false)
  private String sku;

  @Column(name = "quantity", nullable = false)
  private int quantity;

  @Column(name = "unit_price", nullable = false)
  private BigDecimal unitPrice;

  @Column(name = "currency", nullable = false)
  private String currency;

  protected OrderLineColumns() {}

  OrderLineColumns(OrderLine line) {
    this.sku = line.sku().value();
    this.quantity = line.quantity();
    this.unitPrice = line.unitPrice().amount();
    this.currency = line.unitPrice().currency().getCurrencyCode();
  }

  OrderLine toLine() {
    return new OrderLine(
        Sku.of(sku), quantity, new Money(unitPrice, Currency.getInstance(currency)));
  }
}
