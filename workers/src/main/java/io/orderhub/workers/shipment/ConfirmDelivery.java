package io.orderhub.workers.shipment;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.orderhub.domain.order.model.Order;
import io.orderhub.domain.shared.model.OrderId;
import io.orderhub.domain.shipment.application.ShipmentService;
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
    Order order = orders.change(id, Order::markDelivered);
    return Map.of("orderStatus", order.status().name());
  }
}
