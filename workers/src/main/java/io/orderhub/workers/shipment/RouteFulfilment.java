package io.orderhub.workers.shipment;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.orderhub.domain.order.model.PaymentReference;
import io.orderhub.domain.payment.application.PaymentService;
import io.orderhub.domain.payment.model.Payment;
import io.orderhub.domain.payment.model.PaymentStatus;
import io.orderhub.domain.shared.model.OrderId;
import io.orderhub.domain.shipment.application.RouteResult;
import io.orderhub.domain.shipment.application.ShipmentService;
import io.orderhub.domain.shipment.model.Parcel;
import io.orderhub.domain.shipment.model.Shipment;
import io.orderhub.workers.support.OrderSteps;
import io.orderhub.workers.support.Workers;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * {@code fulfilment.route}: runs once the payment was confirmed. Records the capture on the order
 * (PAID), then plans one parcel per warehouse holding the order's goods. Returns {@code packages},
 * the package numbers the dispatch step iterates over. Compensated by {@code shipment.recall}.
 */
@Component
public class RouteFulfilment {

  private final ShipmentService shipments;
  private final PaymentService payments;
  private final OrderSteps orders;

  public RouteFulfilment(ShipmentService shipments, PaymentService payments, OrderSteps orders) {
    this.shipments = shipments;
    this.payments = payments;
    this.orders = orders;
  }

  @JobWorker(type = "fulfilment.route", retryBackoff = Workers.RETRY_BACKOFF_MILLIS)
  public Map<String, Object> route(@Variable String orderId) {
    OrderId id = Workers.orderId(orderId);
    Payment payment =
        payments
            .paymentOf(id)
            .filter(p -> p.status() == PaymentStatus.CAPTURED)
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "Expected a captured payment of order " + id + " to route it, but none"));
    orders.change(id, o -> o.markPaid(PaymentReference.of(payment.paymentId().asString())));
    return switch (shipments.route(id)) {
      case RouteResult.Routed routed -> {
        Shipment shipment = routed.shipment();
        orders.record(
            id,
            o -> o.markRouted(shipment.parcels().stream().map(Parcel::warehouse).toList()),
            () -> shipments.recall(id));
        yield Map.of("orderStatus", "ROUTED", "packages", shipment.packageNumbers());
      }
      case RouteResult.NothingReserved nothing ->
          throw new IllegalStateException(
              "Expected goods reserved for order " + id + ", but " + nothing.reason());
      // retried as the job's retries allow, then an incident: an operator raises the capacity
      case RouteResult.NoDispatchSlot full ->
          throw new IllegalStateException(
              "Expected a dispatch slot for order " + id + ", but " + full.reason());
    };
  }
}
