package io.orderhub.domain;

import io.orderhub.domain.order.application.PlaceOrder;
import io.orderhub.domain.order.model.CustomerId;
import io.orderhub.domain.order.model.IdempotencyKey;
import io.orderhub.domain.order.model.Order;
import io.orderhub.domain.order.model.OrderLine;
import io.orderhub.domain.order.model.ShippingAddress;
import io.orderhub.domain.shared.model.Money;
import io.orderhub.domain.shared.model.OrderId;
import io.orderhub.domain.shared.model.Sku;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Test data; every call makes new ids, so tests sharing a database never see each other's. */
public final class Fixtures {

  public static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

  private Fixtures() {}

  public static Sku newSku() {
    return Sku.of("SKU-" + UUID.randomUUID());
  }

  public static ShippingAddress address() {
    return new ShippingAddress("Li Wei", "1 Kechuang Road", "Beijing", "100176", "CN");
  }

  public static List<OrderLine> lines() {
    return List.of(
        new OrderLine(newSku(), 2, Money.of("19.99", "CNY")),
        new OrderLine(newSku(), 1, Money.of("5.00", "CNY")));
  }

  public static PlaceOrder placeOrder() {
    return placeOrder(lines());
  }

  public static PlaceOrder placeOrder(List<OrderLine> lines) {
    return new PlaceOrder(
        OrderId.newId(),
        CustomerId.of("customer-" + UUID.randomUUID()),
        IdempotencyKey.of(UUID.randomUUID().toString()),
        lines,
        address());
  }

  public static Order newOrder() {
    PlaceOrder command = placeOrder();
    return Order.place(
        command.orderId(),
        command.customerId(),
        command.idempotencyKey(),
        command.lines(),
        command.shippingAddress(),
        NOW);
  }
}
