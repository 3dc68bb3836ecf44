package io.orderhub.workers.order;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.exception.CamundaError;
import io.orderhub.domain.order.model.Order;
import io.orderhub.domain.order.model.OrderStatus;
import io.orderhub.workers.support.OrderSteps;
import io.orderhub.workers.support.Workers;
import java.util.Map;
import org.springframework.stereotype.Component;

/** {@code order.validate}: the business checks; a failed check is the BPMN error INVALID_ORDER. */
@Component
public class ValidateOrder {

  public static final String INVALID_ORDER = "INVALID_ORDER";

  private final OrderSteps orders;

  public ValidateOrder(OrderSteps orders) {
    this.orders = orders;
  }

  @JobWorker(type = "order.validate", retryBackoff = Workers.RETRY_BACKOFF_MILLIS)
  public Map<String, Object> validate(@Variable String orderId) {
    Order order = orders.validate(Workers.orderId(orderId));
    if (order.status() == OrderStatus.REJECTED) {
      String reason = order.statusReason().orElse("failed validation");
      throw CamundaError.bpmnError(
          INVALID_ORDER, reason, Map.of("orderStatus", "REJECTED", "rejectionReason", reason));
    }
    return Map.of("orderStatus", order.status().name());
  }
}
