package io.orderhub.workers.shipment;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.orderhub.domain.order.model.Order;
import io.orderhub.domain.shared.model.OrderId;
import io.orderhub.domain.shipment.application.ShipmentService;
import io.orderhub.workers.support.AfterDelivery;
import io.orderhub.workers.support.OrderSteps;
import io.orderhub.workers.support.Workers;
import java.util.Map;
import org.springframework.stereotype.Component;

/** {@code delivery.confirm}: after the OrderDelivered message; shipment and order DELIVERED. */
@Component
public class ConfirmDelivery {

  private final ShipmentService shipments;
  private final OrderSteps orders;

  public ConfirmDelivery(ShipmentService shipments, OrderSteps orders) {
    this.shipments = shipments;
    this.orders = orders;
  }

  @JobWorker(type = "delivery.confirm", retryBackoff = Workers.RETRY_BACKOFF_MILLIS)
  public Map<String, Object> confirm(@Variable String orderId) {
    OrderId id = Workers.orderId(orderId);
    shipments.confirmDelivery(id);
    Order order = orders.change(id, ConfirmDelivery::markDelivered);
    return Map.of("orderStatus", order.status().name());
  }

  /**
   * The carrier's report usually marked the order DELIVERED already; a return requested the moment
   * it showed DELIVERED may have moved it on since — it was delivered all the same.
   */
  static void markDelivered(Order order) {
    if (!AfterDelivery.isReturnUnderWay(order.status())) {
      order.markDelivered();
    }
  }
}
