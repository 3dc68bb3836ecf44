package io.orderhub.workers.returns;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.orderhub.domain.inventory.application.InventoryService;
import io.orderhub.domain.order.model.Order;
import io.orderhub.domain.shared.model.OrderId;
import io.orderhub.workers.support.OrderSteps;
import io.orderhub.workers.support.Workers;
import java.util.Map;
import org.springframework.stereotype.Component;

/** {@code return.restock}: the returned goods are available again; the order is RETURNED. */
@Component
public class RestockReturn {

  private final InventoryService inventory;
  private final OrderSteps orders;

  public RestockReturn(InventoryService inventory, OrderSteps orders) {
    this.inventory = inventory;
    this.orders = orders;
  }

  @JobWorker(type = "return.restock", retryBackoff = Workers.RETRY_BACKOFF_MILLIS)
  public Map<String, Object> restock(@Variable String orderId) {
    OrderId id = Workers.orderId(orderId);
    inventory.restock(id);
    Order order = orders.change(id, Order::markReturned);
    return Map.of("orderStatus", order.status().name());
  }
}
