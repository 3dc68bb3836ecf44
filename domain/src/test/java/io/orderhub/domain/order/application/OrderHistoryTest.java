package io.orderhub.domain.order.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orderhub.domain.Fixtures;
import io.orderhub.domain.order.model.OrderStateChange;
import io.orderhub.domain.order.model.OrderStatus;
import io.orderhub.domain.shared.model.OrderId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** An order's history: every state with its time and reason, written with each change. */
@SpringBootTest
class OrderHistoryTest {

  @Autowired OrderService orders;

  @Test
  void shouldListEveryStateWithItsReasonOldestFirst() {
    PlaceOrder command = Fixtures.placeOrder();
    orders.place(command);
    OrderId id = command.orderId();
    orders.validate(id);
    orders.change(
        id,
        order -> {
          order.requestCancellation("changed mind");
          order.markCancelled();
        });

    List<OrderStateChange> history = orders.history(id);

    assertThat(history)
        .extracting(OrderStateChange::status)
        .containsExactly(
            OrderStatus.CREATED,
            OrderStatus.VALIDATED,
            OrderStatus.CANCELLATION_REQUESTED,
            OrderStatus.CANCELLED);
    assertThat(history.get(2).reason()).isEqualTo("changed mind");
    assertThat(history.get(2).eventType()).isEqualTo("OrderCancellationRequested");
    assertThat(history).allSatisfy(change -> assertThat(change.occurredAt()).isNotNull());
  }

  @Test
  void shouldWriteNothingForAChangeThatFails() {
    PlaceOrder command = Fixtures.placeOrder();
    orders.place(command);

    assertThatThrownBy(() -> orders.change(command.orderId(), order -> order.markDelivered()))
        .isNotNull();

    assertThat(orders.history(command.orderId()))
        .extracting(OrderStateChange::status)
        .containsExactly(OrderStatus.CREATED);
  }

  @Test
  void shouldRefuseTheHistoryOfAnUnknownOrder() {
    assertThatThrownBy(() -> orders.history(OrderId.newId())).isInstanceOf(OrderNotFound.class);
  }
}
