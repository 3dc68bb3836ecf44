package io.orderhub.domain.order.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orderhub.domain.Fixtures;
import io.orderhub.domain.OutboxRows;
import io.orderhub.domain.Race;
import io.orderhub.domain.order.model.IllegalOrderTransition;
import io.orderhub.domain.order.model.Order;
import io.orderhub.domain.order.model.OrderLine;
import io.orderhub.domain.order.model.OrderStatus;
import io.orderhub.domain.order.model.PaymentReference;
import io.orderhub.domain.shared.model.OrderId;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest
class OrderServiceTest {

  @Autowired OrderService orders;
  @Autowired DataSource dataSource;
  OutboxRows outbox;

  @BeforeEach
  void outbox() {
    outbox = new OutboxRows(dataSource);
  }

  @Test
  void shouldPlaceOrderAndWriteOrderCreated() {
    PlaceOrder command = Fixtures.placeOrder();

    PlaceOrderResult result = orders.place(command);

    assertThat(result).isInstanceOf(PlaceOrderResult.Created.class);
    Order stored = orders.get(command.orderId());
    assertThat(stored.status()).isEqualTo(OrderStatus.CREATED);
    assertThat(stored.lines()).isEqualTo(command.lines());
    assertThat(stored.shippingAddress()).isEqualTo(command.shippingAddress());
    assertThat(stored.total()).isEqualTo(result.order().total());
    assertThat(outbox.eventTypes(command.orderId())).containsExactly("OrderCreated");
    assertThat(outbox.payload(command.orderId(), "OrderCreated"))
        .isEqualTo(
            "{\"lines\": [%s, %s], \"total\": {\"amount\": 44.98, \"currency\": \"CNY\"}, \"orderId\": \"%s\", \"customerId\": \"%s\", \"idempotencyKey\": \"%s\", \"shippingAddress\": {\"city\": \"Beijing\", \"street\": \"1 Kechuang Road\", \"recipient\": \"Li Wei\", \"postalCode\": \"100176\", \"countryCode\": \"CN\"}}"
                .formatted(
                    line(command.lines().get(0).sku(), 2, "19.99"),
                    line(command.lines().get(1).sku(), 1, "5.00"),
                    command.orderId(),
                    command.customerId(),
                    command.idempotencyKey()));
  }

  private static String line(Object sku, int quantity, String price) {
    return "{\"sku\": \"%s\", \"quantity\": %d, \"unitPrice\": {\"amount\": %s, \"currency\": \"CNY\"}}"
        .formatted(sku, quantity, price);
  }

  @Test
  void shouldAnswerRetriedPlacementWithTheFirstOrder() {
    PlaceOrder command = Fixtures.placeOrder();
    orders.place(command);

    PlaceOrderResult retry = orders.place(command);

    assertThat(retry).isInstanceOf(PlaceOrderResult.AlreadyPlaced.class);
    assertThat(retry.order().orderId()).isEqualTo(command.orderId());
    assertThat(outbox.eventTypes(command.orderId())).containsExactly("OrderCreated");
  }

  @Test
  void shouldCreateOneOrderWhenRetriesRace() {
    PlaceOrder command = Fixtures.placeOrder();

    List<PlaceOrderResult> results = Race.run(8, i -> () -> orders.place(command));

    assertThat(results).filteredOn(PlaceOrderResult.Created.class::isInstance).hasSize(1);
    assertThat(results)
        .as(results.toString())
        .filteredOn(PlaceOrderResult.AlreadyPlaced.class::isInstance)
        .hasSize(7);
    assertThat(outbox.eventTypes(command.orderId())).containsExactly("OrderCreated");
  }

  @Test
  void shouldRefuseKeyReusedForAnotherOrder() {
    PlaceOrder first = Fixtures.placeOrder();
    orders.place(first);
    PlaceOrder other =
        new PlaceOrder(
            OrderId.newId(),
            first.customerId(),
            first.idempotencyKey(),
            List.of(OrderLine.of("OTHER", 1, "1.00", "CNY")),
            first.shippingAddress());

    PlaceOrderResult result = orders.place(other);

    assertThat(result)
        .isInstanceOfSatisfying(
            PlaceOrderResult.KeyReused.class,
            reused -> assertThat(reused.order().orderId()).isEqualTo(first.orderId()));
    assertThat(orders.find(other.orderId())).isEmpty();
  }

  @Test
  void shouldWriteOneOutboxRowPerTransition() {
    OrderId id = orders.place(Fixtures.placeOrder()).order().orderId();

    orders.validate(id);
    orders.change(id, Order::markStockReserved);
    orders.change(id, order -> order.markPaymentRequested(PaymentReference.of("pay-1")));
    Order paid = orders.change(id, order -> order.markPaid(PaymentReference.of("pay-1")));

    assertThat(paid.status()).isEqualTo(OrderStatus.PAID);
    assertThat(paid.version()).isEqualTo(4);
    assertThat(outbox.eventTypes(id))
        .containsExactly(
            "OrderCreated",
            "OrderValidated",
            "OrderStockReserved",
            "OrderPaymentRequested",
            "OrderPaid");
  }

  @Test
  void shouldWriteNothingForRepeatedTransition() {
    OrderId id = orders.place(Fixtures.placeOrder()).order().orderId();
    orders.validate(id);

    Order again = orders.validate(id);

    assertThat(again.status()).isEqualTo(OrderStatus.VALIDATED);
    assertThat(again.version()).isEqualTo(1);
    assertThat(outbox.eventTypes(id)).containsExactly("OrderCreated", "OrderValidated");
  }

  @Test
  void shouldWriteNothingForIllegalTransition() {
    OrderId id = orders.place(Fixtures.placeOrder()).order().orderId();

    assertThatThrownBy(() -> orders.change(id, order -> order.markPaid(PaymentReference.of("p"))))
        .isInstanceOf(IllegalOrderTransition.class)
        .hasMessageContaining("but it is CREATED");

    assertThat(orders.get(id).status()).isEqualTo(OrderStatus.CREATED);
    assertThat(outbox.eventTypes(id)).containsExactly("OrderCreated");
  }

  @Test
  void shouldRejectOrderFailingValidation() {
    PlaceOrder command = Fixtures.placeOrder(List.of(OrderLine.of("BULK", 5000, "1.00", "CNY")));
    OrderId id = orders.place(command).order().orderId();

    Order validated = orders.validate(id);

    assertThat(validated.status()).isEqualTo(OrderStatus.REJECTED);
    assertThat(validated.statusReason()).hasValueSatisfying(r -> assertThat(r).contains("5000"));
    assertThat(outbox.eventTypes(id)).containsExactly("OrderCreated", "OrderRejected");
  }

  @Test
  void shouldReportUnknownOrder() {
    OrderId unknown = OrderId.newId();

    assertThatThrownBy(() -> orders.change(unknown, Order::markValidated))
        .isInstanceOf(OrderNotFound.class)
        .hasMessage("Expected order " + unknown + " to exist, but there is no such order");
  }
}
