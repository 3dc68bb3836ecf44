package io.orderhub.workers.returns;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.orderhub.domain.order.model.Order;
import io.orderhub.workers.support.OrderSteps;
import io.orderhub.workers.support.Workers;
import java.util.Map;
import org.springframework.stereotype.Component;

/** {@code return.pickup}: the carrier collected the goods from the customer. */
@Component
public class PickUpReturn {

  private final OrderSteps orders;

  public PickUpReturn(OrderSteps orders) {
    this.orders = orders;
  }

  @JobWorker(type = "return.pickup", retryBackoff = Workers.RETRY_BACKOFF_MILLIS)
  public Map<String, Object> handle(@Variable String orderId) {
    Order order = orders.change(Workers.orderId(orderId), Order::markReturnPickedUp);
    return Map.of("orderStatus", order.status().name());
  }
}
