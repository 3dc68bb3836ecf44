package io.orderhub.compensation.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderhub.domain.inventory.model.Reservation;
import io.orderhub.domain.inventory.model.ReservationStatus;
import io.orderhub.domain.order.model.OrderStatus;
import io.orderhub.domain.payment.model.PaymentStatus;
import io.orderhub.domain.shared.model.Sku;
import io.orderhub.engine.record.EngineEvent.MessageCorrelated;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reverse logistics: the order-return process, started by the message ReturnRequested. */
class ReturnScenariosTest extends ScenarioTest {

  private long requestReturn(Placed order, Map<String, Object> variables) {
    java.util.Map<String, Object> all = new java.util.HashMap<>(variables);
    all.put("orderId", order.key());
    all.put("reason", "does not fit");
    client
        .newPublishMessageCommand()
        .messageName("ReturnRequested")
        .correlationKey(order.key())
        .timeToLive(Duration.ZERO)
        .variables(all)
        .send()
        .join();
    return records()
        .await(
            MessageCorrelated.class,
            m -> m.bpmnProcessId().equals("order-return") && m.correlationKey().equals(order.key()))
        .processInstanceKey();
  }

  private Placed completedOrder(Sku sku) {
    Placed order = place(line(sku, 2, "25.00"));
    pay(order);
    deliver(order);
    awaitEnded(order);
    return order;
  }

  @Test
  void shouldRefundAndRestockAReturnedOrder() {
    Sku sku = stock("WH-NORTH", 5);
    Placed order = completedOrder(sku);

    long returned = requestReturn(order, Map.of());
    records().awaitCompleted(returned);

    assertThat(records().completed(returned)).contains("ReturnCompleted");
    assertThat(status(order)).isEqualTo(OrderStatus.RETURNED);
    assertThat(payment(order).status()).isEqualTo(PaymentStatus.REFUNDED);
    assertThat(provider.refundsIssued(payment(order).paymentId())).isEqualTo(1);
    assertThat(inventory.reservationsOf(order.id()))
        .extracting(Reservation::status)
        .containsOnly(ReservationStatus.RESTOCKED);
    assertThat(level(sku, "WH-NORTH").available()).isEqualTo(5);
  }

  @Test
  void shouldRejectAReturnWhoseGoodsFailInspection() {
    Sku sku = stock("WH-NORTH", 5);
    Placed order = completedOrder(sku);

    long returned = requestReturn(order, Map.of("itemCondition", "DAMAGED"));
    records().awaitCompleted(returned);

    assertThat(records().completed(returned)).contains("ReturnRejectedAfterInspection");
    assertThat(status(order)).isEqualTo(OrderStatus.RETURN_REJECTED);
    assertThat(payment(order).status()).isEqualTo(PaymentStatus.CAPTURED);
    assertThat(level(sku, "WH-NORTH").available()).isEqualTo(3);
  }

  @Test
  void shouldRejectTheReturnOfAnOrderThatWasNeverDelivered() {
    Sku sku = stock("WH-NORTH", 5);
    Placed order = place(line(sku, 1, "25.00"));
    publish("OrderCancelRequested", order);
    awaitEnded(order);

    long returned = requestReturn(order, Map.of());
    records().awaitCompleted(returned);

    assertThat(records().completed(returned)).contains("ReturnRejected");
    assertThat(status(order)).isEqualTo(OrderStatus.CANCELLED);
  }
}
