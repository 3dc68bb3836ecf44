package io.orderhub.app.order;

import io.orderhub.domain.order.application.PlaceOrder;
import io.orderhub.domain.order.model.Order;
import io.orderhub.domain.order.model.OrderLine;
import io.orderhub.domain.order.model.ShippingAddress;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** An order as the REST API shows it. */
public record OrderView(
    String id,
    String customerId,
    String status,
    String statusReason,
    List<Line> lines,
    BigDecimal total,
    String currency,
    Address shippingAddress,
    String paymentReference,
    Instant createdAt,
    long version) {

  public record Line(
      String sku, int quantity, BigDecimal unitPrice, String currency, BigDecimal lineTotal) {

    static Line of(OrderLine line) {
      return new Line(
          line.sku().asString(),
          line.quantity(),
          line.unitPrice().amount(),
          line.unitPrice().currency().getCurrencyCode(),
          line.total().amount());
    }
  }

  public record Address(
      String recipient, String street, String city, String postalCode, String countryCode) {

    static Address of(ShippingAddress address) {
      return new Address(
          address.recipient(),
          address.street(),
          address.city(),
          address.postalCode(),
          address.countryCode());
    }
  }

  /** The status of an order that was acknowledged but is not persisted yet. */
  public static final String ACCEPTED = "ACCEPTED";

  /** An acknowledged, not yet persisted order: what its command says, in state {@code ACCEPTED}. */
  public static OrderView accepted(PlaceOrder command, Instant acceptedAt) {
    BigDecimal total =
        command.lines().stream()
            .map(l -> l.total().amount())
            .reduce(BigDecimal.ZERO, BigDecimal::add);
    return new OrderView(
        command.orderId().asString(),
        command.customerId().asString(),
        ACCEPTED,
        null,
        command.lines().stream().map(Line::of).toList(),
        total,
        command.lines().getFirst().unitPrice().currency().getCurrencyCode(),
        Address.of(command.shippingAddress()),
        null,
        acceptedAt,
        0);
  }

  public static OrderView of(Order order) {
    return new OrderView(
        order.orderId().asString(),
        order.customerId().asString(),
        order.status().name(),
        order.statusReason().orElse(null),
        order.lines().stream().map(Line::of).toList(),
        order.total().amount(),
        order.total().currency().getCurrencyCode(),
        Address.of(order.shippingAddress()),
        order.paymentReference().map(Object::toString).orElse(null),
        order.createdAt(),
        order.version());
  }
}
