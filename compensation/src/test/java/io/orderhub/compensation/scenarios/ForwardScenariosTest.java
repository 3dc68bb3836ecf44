package io.orderhub.compensation.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderhub.domain.inventory.model.Reservation;
import io.orderhub.domain.inventory.model.ReservationStatus;
import io.orderhub.domain.order.model.OrderStatus;
import io.orderhub.domain.payment.model.PaymentStatus;
import io.orderhub.domain.shared.model.Sku;
import io.orderhub.domain.shipment.model.ShipmentStatus;
import io.orderhub.engine.record.EngineEvent.TimerCreated;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The order's paths to an end without a cancellation: completed, rejected, out of stock, unpaid.
 */
class ForwardScenariosTest extends ScenarioTest {

  @Test
  void shouldCompleteAnOrderShippingTheStockAndCapturingThePayment() {
    Sku shirt = stock("WH-NORTH", 5);
    Sku socks = stock("WH-SOUTH", 5);
    Placed order = place(line(shirt, 2, "19.99"), line(socks, 1, "5.00"));

    pay(order);
    deliver(order);
    awaitEnded(order);

    assertThat(status(order)).isEqualTo(OrderStatus.COMPLETED);
    assertThat(completed(order)).contains("OrderCompleted");
    assertThat(payment(order).status()).isEqualTo(PaymentStatus.CAPTURED);
    assertThat(provider.captures(payment(order).paymentId())).isEqualTo(1);
    assertThat(inventory.reservationsOf(order.id()))
        .extracting(Reservation::status)
        .containsOnly(ReservationStatus.SHIPPED);
    assertThat(level(shirt, "WH-NORTH").available()).isEqualTo(3);
    assertThat(level(shirt, "WH-NORTH").reserved()).isZero();
    assertThat(shipments.shipmentOf(order.id()).orElseThrow().status())
        .isEqualTo(ShipmentStatus.DELIVERED);
    // one parcel per warehouse, dispatched in parallel
    assertThat(count(outbox(order), "ParcelDispatched")).isEqualTo(2);
    assertThat(compensations(order)).isEmpty();
  }

  @Test
  void shouldRejectAnInvalidOrderWithoutTouchingStockOrMoney() {
    Sku bulk = stock("WH-NORTH", 5000);
    Placed order = place(line(bulk, 1000, "1.00")); // above the 999 units a line may take

    awaitEnded(order);

    assertThat(status(order)).isEqualTo(OrderStatus.REJECTED);
    assertThat(completed(order)).contains("OrderRejected");
    assertThat(inventory.reservationsOf(order.id())).isEmpty();
    assertThat(payments.paymentOf(order.id())).isEmpty();
  }

  @Test
  void shouldCancelAnOrderThatIsOutOfStock() {
    Sku scarce = stock("WH-NORTH", 1);
    Sku plenty = stock("WH-SOUTH", 10);
    Placed order = place(line(plenty, 1, "3.00"), line(scarce, 2, "8.00"));

    awaitEnded(order);

    assertThat(status(order)).isEqualTo(OrderStatus.CANCELLED);
    assertThat(completed(order)).contains("OrderCancelledOutOfStock");
    assertThat(outbox(order)).contains("OrderOutOfStock", "OrderCancelled");
    // all or nothing: the SKU that was there is not held either
    assertThat(inventory.reservationsOf(order.id())).isEmpty();
    assertThat(level(plenty, "WH-SOUTH").available()).isEqualTo(10);
    assertThat(compensations(order)).isEmpty();
  }

  @Test
  void shouldReleaseTheStockWhenThePaymentIsDeclined() {
    Sku sku = stock("WH-NORTH", 5);
    Placed order = place(line(sku, 1, "10.13")); // the simulator declines amounts ending in .13

    pay(order);
    awaitEnded(order);

    assertThat(status(order)).isEqualTo(OrderStatus.CANCELLED);
    assertThat(completed(order)).contains("PaymentDeclined", "CancelledPaymentDeclined");
    assertThat(outbox(order)).contains("PaymentDeclined", "OrderPaymentFailed", "OrderCancelled");
    assertThat(payment(order).status()).isEqualTo(PaymentStatus.DECLINED);
    // the payment request completed, so its compensation ran, but nothing was captured to refund
    assertThat(records().completed(order.processInstanceKey()))
        .contains("RefundPayment", "ReleaseStock");
    assertThat(compensations(order)).containsExactly("StockReleased");
    assertThat(level(sku, "WH-NORTH").available()).isEqualTo(5);
  }

  @Test
  void shouldVoidThePaymentAndReleaseTheStockWhenThePaymentTimesOut() {
    Sku sku = stock("WH-NORTH", 5);
    Placed order = place(line(sku, 2, "12.00"));
    awaitSubscription(order, "PaymentConfirmed");
    records()
        .await(
            TimerCreated.class,
            t ->
                t.processInstanceKey() == order.processInstanceKey()
                    && t.targetElementId().equals("PaymentTimedOut"));

    engine.advanceClock(Duration.ofMinutes(15));
    awaitEnded(order);

    assertThat(status(order)).isEqualTo(OrderStatus.CANCELLED);
    assertThat(outbox(order)).contains("OrderPaymentTimedOut", "OrderCancelled");
    assertThat(compensations(order)).containsExactly("PaymentVoided", "StockReleased");
    assertThat(level(sku, "WH-NORTH").available()).isEqualTo(5);

    // the provider's capture arrives after all: refunded at once, the order is not revived
    provider.deliverPending();
    assertThat(payment(order).status()).isEqualTo(PaymentStatus.REFUNDED);
    assertThat(provider.refundsIssued(payment(order).paymentId())).isEqualTo(1);
  }
}
