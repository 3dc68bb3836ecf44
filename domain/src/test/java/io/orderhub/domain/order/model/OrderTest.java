package io.orderhub.domain.order.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orderhub.domain.Fixtures;
import io.orderhub.domain.order.model.OrderEvent.OrderCancellationRequested;
import io.orderhub.domain.order.model.OrderEvent.OrderCreated;
import io.orderhub.domain.order.model.OrderValidation.Verdict;
import io.orderhub.domain.shared.model.Money;
import io.orderhub.domain.shared.model.OrderId;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrderTest {

  @Test
  void shouldRecordOrderCreatedWithTotal() {
    Order order =
        Order.place(
            OrderId.newId(),
            CustomerId.of("c-1"),
            IdempotencyKey.of("k-1"),
            List.of(OrderLine.of("A", 2, "19.99", "CNY"), OrderLine.of("B", 1, "5", "CNY")),
            Fixtures.address(),
            Fixtures.NOW);

    assertThat(order.status()).isEqualTo(OrderStatus.CREATED);
    assertThat(order.total()).isEqualTo(Money.of("44.98", "CNY"));
    assertThat(order.pullRecordedEvents())
        .singleElement()
        .isInstanceOfSatisfying(
            OrderCreated.class, created -> assertThat(created.lines()).hasSize(2));
  }

  @Test
  void shouldRefuseOrderWithoutLines() {
    assertThatThrownBy(
            () ->
                Order.place(
                    OrderId.newId(),
                    CustomerId.of("c-1"),
                    IdempotencyKey.of("k-1"),
                    List.of(),
                    Fixtures.address(),
                    Fixtures.NOW))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Expected at least one order line");
  }

  @Test
  void shouldRefuseLinesInDifferentCurrencies() {
    assertThatThrownBy(
            () ->
                Order.place(
                    OrderId.newId(),
                    CustomerId.of("c-1"),
                    IdempotencyKey.of("k-1"),
                    List.of(
                        OrderLine.of("A", 1, "1.00", "CNY"), OrderLine.of("B", 1, "1.00", "EUR")),
                    Fixtures.address(),
                    Fixtures.NOW))
        .hasMessageStartingWith("Expected all order lines in CNY");
  }

  @Test
  void shouldRememberWhereCancellationWasRequested() {
    Order order = Transitions.orderIn(OrderStatus.PAID);

    order.requestCancellation("changed mind");

    assertThat(order.pullRecordedEvents())
        .singleElement()
        .isEqualTo(
            new OrderCancellationRequested(order.orderId(), "changed mind", OrderStatus.PAID));
    assertThat(order.statusReason()).contains("changed mind");
  }

  @Test
  void shouldRejectOrderAboveTheLimits() {
    Order order =
        Order.place(
            OrderId.newId(),
            CustomerId.of("c-1"),
            IdempotencyKey.of("k-1"),
            List.of(OrderLine.of("A", 1000, "1.00", "CNY")),
            Fixtures.address(),
            Fixtures.NOW);

    assertThat(OrderValidation.DEFAULT.check(order)).isInstanceOf(Verdict.Invalid.class);
    assertThat(OrderValidation.DEFAULT.check(Fixtures.newOrder()))
        .isInstanceOf(Verdict.Valid.class);
  }
}
