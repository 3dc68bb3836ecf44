package io.orderhub.workers.order;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.orderhub.domain.order.model.Order;
import io.orderhub.workers.support.AfterDelivery;
import io.orderhub.workers.support.OrderSteps;
import io.orderhub.workers.support.Workers;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * {@code order.complete}: closes a delivered order. A return requested the moment the order showed
 * DELIVERED races this step; the return process owns the order then, and there is nothing left to
 * close.
 */
@Component
public class CompleteOrder {

  private final OrderSteps orders;

  public CompleteOrder(OrderSteps orders) {
    this.orders = orders;
  }

  @JobWorker(type = "order.complete", retryBackoff = Workers.RETRY_BACKOFF_MILLIS)
  public Map<String, Object> complete(@Variable String orderId) {
    Order order =
        orders.change(
            Workers.orderId(orderId),
            o -> {
              if (!AfterDelivery.isReturnUnderWay(o.status())) {
                o.complete();
              }
            });
    return Map.of("orderStatus", order.status().name());
  }
}
