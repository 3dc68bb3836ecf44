package io.orderhub.compensation.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderhub.compensation.scenarios.StepGate.Step;
import io.orderhub.domain.inventory.model.Reservation;
import io.orderhub.domain.inventory.model.ReservationStatus;
import io.orderhub.domain.order.model.OrderStatus;
import io.orderhub.domain.payment.model.PaymentStatus;
import io.orderhub.domain.shared.model.Sku;
import io.orderhub.domain.shipment.model.ShipmentStatus;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * OrderCancelRequested at every stage: the process undoes exactly the steps that completed, most
 * recent first, then cancels the order. The compensations that ran are read back from the domain's
 * outbox, in the order they were written.
 */
class CancellationScenariosTest extends ScenarioTest {

  private static final List<String> HANDLERS =
      List.of("RecallShipment", "CancelShipment", "RefundPayment", "ReleaseStock");

  private List<String> handlersRun(Placed order) {
    return records().completed(order.processInstanceKey()).stream()
        .filter(HANDLERS::contains)
        .toList();
  }

  private void cancel(Placed order) {
    publish("OrderCancelRequested", order, Map.of("reason", "customer changed their mind"));
    awaitEnded(order);
    assertThat(status(order)).isEqualTo(OrderStatus.CANCELLED);
    assertThat(completed(order)).contains("CancelledOnRequest", "OrderCancelled");
    assertThat(outbox(order)).contains("OrderCancellationRequested", "OrderCancelled");
  }

  @Test
  void shouldUndoNothingWhenCancelledAfterValidation() {
    Sku sku = stock("WH-NORTH", 5);
    Placed order = place(line(sku, 1, "10.00"));
    gate.block(Step.RESERVE, order.id());
    records().awaitJobFailures(order.processInstanceKey(), "ReserveStock", 1);

    cancel(order);

    assertThat(handlersRun(order)).isEmpty();
    assertThat(compensations(order)).isEmpty();
    assertThat(inventory.reservationsOf(order.id())).isEmpty();
    assertThat(level(sku, "WH-NORTH").available()).isEqualTo(5);
  }

  @Test
  void shouldReleaseTheStockWhenCancelledAfterReservation() {
    Sku sku = stock("WH-NORTH", 5);
    Placed order = place(line(sku, 2, "10.00"));
    gate.block(Step.REQUEST_PAYMENT, order.id());
    records().awaitJobFailures(order.processInstanceKey(), "RequestPayment", 1);

    cancel(order);

    assertThat(handlersRun(order)).containsExactly("ReleaseStock");
    assertThat(compensations(order)).containsExactly("StockReleased");
    assertThat(payments.paymentOf(order.id())).isEmpty();
    assertThat(level(sku, "WH-NORTH").available()).isEqualTo(5);
    assertThat(level(sku, "WH-NORTH").reserved()).isZero();
  }

  @Test
  void shouldRefundThenReleaseWhenCancelledAfterPayment() {
    Sku sku = stock("WH-NORTH", 5);
    Placed order = place(line(sku, 1, "42.00"));
    gate.block(Step.ROUTE, order.id());
    pay(order);
    records().awaitJobFailures(order.processInstanceKey(), "RouteFulfilment", 1);

    cancel(order);

    assertThat(handlersRun(order)).containsExactly("RefundPayment", "ReleaseStock");
    assertThat(compensations(order)).containsExactly("PaymentRefunded", "StockReleased");
    assertThat(payment(order).status()).isEqualTo(PaymentStatus.REFUNDED);
    assertThat(provider.refundsIssued(payment(order).paymentId())).isEqualTo(1);
    assertThat(level(sku, "WH-NORTH").available()).isEqualTo(5);
  }

  @Test
  void shouldRecallRefundAndReleaseInReverseOrderWhenCancelledDuringDispatch() {
    Sku shirt = stock("WH-NORTH", 5);
    Sku socks = stock("WH-SOUTH", 5);
    Placed order = place(line(shirt, 1, "20.00"), line(socks, 3, "2.00"));
    gate.block(Step.DISPATCH, order.id(), 2); // parcel 1 leaves, parcel 2 is stuck
    pay(order);
    records().awaitJobFailures(order.processInstanceKey(), "DispatchPackage", 1);
    records().awaitTrue("parcel 1 dispatched", () -> outbox(order).contains("ParcelDispatched"));

    cancel(order);

    // the interrupted dispatch is not compensated itself; the routing that planned it recalls
    assertThat(handlersRun(order))
        .containsExactly("CancelShipment", "RefundPayment", "ReleaseStock");
    assertThat(compensations(order))
        .containsExactly("ShipmentRecalled", "PaymentRefunded", "StockReleased", "StockReleased");
    assertThat(shipments.shipmentOf(order.id()).orElseThrow().status())
        .isEqualTo(ShipmentStatus.RECALLED);
    assertThat(inventory.reservationsOf(order.id()))
        .extracting(Reservation::status)
        .containsOnly(ReservationStatus.RELEASED);
    assertThat(level(shirt, "WH-NORTH").available()).isEqualTo(5);
    assertThat(level(socks, "WH-SOUTH").available()).isEqualTo(5);
  }

  @Test
  void shouldRecallEverythingWhenCancelledWhileAwaitingDelivery() {
    Sku sku = stock("WH-NORTH", 5);
    Placed order = place(line(sku, 1, "15.00"));
    pay(order);
    awaitSubscription(order, "OrderDelivered");

    cancel(order);

    assertThat(handlersRun(order))
        .containsExactly("RecallShipment", "CancelShipment", "RefundPayment", "ReleaseStock");
    // the second recall found the shipment recalled already: nothing recorded twice
    assertThat(compensations(order))
        .containsExactly("ShipmentRecalled", "PaymentRefunded", "StockReleased");
    assertThat(level(sku, "WH-NORTH").available()).isEqualTo(5);
  }

  @Test
  void shouldIgnoreACancellationAfterDelivery() {
    Sku sku = stock("WH-NORTH", 5);
    Placed order = place(line(sku, 1, "15.00"));
    pay(order);
    deliver(order);
    awaitEnded(order);

    publish("OrderCancelRequested", order);

    assertThat(status(order)).isEqualTo(OrderStatus.COMPLETED);
    assertThat(compensations(order)).isEmpty();
  }
}
