package io.orderhub.domain.order.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderhub.domain.Fixtures;
import io.orderhub.domain.OutboxRows;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * {@link OrderService#placeAll}: a batch of placements in one transaction, as idempotent as one.
 */
@SpringBootTest
class PlaceAllTest {

  @Autowired OrderService orders;
  @Autowired DataSource dataSource;

  @Test
  void shouldPlaceEveryNewOrderAndAnswerRepeatsWithTheFirst() {
    PlaceOrder before = Fixtures.placeOrder();
    orders.place(before);
    PlaceOrder first = Fixtures.placeOrder();
    PlaceOrder second = Fixtures.placeOrder();

    List<PlaceOrderResult> results = orders.placeAll(List.of(first, before, second, first));

    assertThat(results)
        .extracting(r -> r.getClass().getSimpleName())
        .containsExactly("Created", "AlreadyPlaced", "Created", "AlreadyPlaced");
    assertThat(orders.get(first.orderId()).lines()).isEqualTo(first.lines());
    assertThat(orders.get(second.orderId()).shippingAddress()).isEqualTo(second.shippingAddress());
    OutboxRows outbox = new OutboxRows(dataSource);
    assertThat(outbox.eventTypes(first.orderId())).containsExactly("OrderCreated");
    assertThat(outbox.eventTypes(before.orderId())).containsExactly("OrderCreated");
    assertThat(orders.history(second.orderId())).hasSize(1);
  }

  @Test
  void shouldRefuseAnOrderIdUsedForOtherContent() {
    PlaceOrder placed = Fixtures.placeOrder();
    orders.place(placed);
    PlaceOrder other =
        new PlaceOrder(
            placed.orderId(),
            placed.customerId(),
            placed.idempotencyKey(),
            Fixtures.lines().subList(0, 1),
            placed.shippingAddress());

    List<PlaceOrderResult> results = orders.placeAll(List.of(other));

    assertThat(results.getFirst()).isInstanceOf(PlaceOrderResult.KeyReused.class);
    assertThat(orders.get(placed.orderId()).lines()).isEqualTo(placed.lines());
  }
}
