package io.orderhub.workers.returns;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.orderhub.domain.order.model.Order;
import io.orderhub.workers.support.OrderSteps;
import io.orderhub.workers.support.Workers;
import java.util.Map;
import org.springframework.stereotype.Component;

/** {@code return.receive}: the goods arrived at the returns warehouse. */
@Component
public class ReceiveReturn {

  private final OrderSteps orders;

  public ReceiveReturn(OrderSteps orders) {
    this.orders = orders;
  }

  @JobWorker(type = "return.receive", retryBackoff = Workers.RETRY_BACKOFF_MILLIS)
  public Map<String, Object> handle(@Variable String orderId) {
    Order order = orders.change(Workers.orderId(orderId), Order::markReturnReceived);
    return Map.of("orderStatus", order.status().name());
  }
}
