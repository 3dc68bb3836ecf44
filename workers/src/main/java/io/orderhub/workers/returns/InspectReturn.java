package io.orderhub.workers.returns;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.exception.CamundaError;
import io.orderhub.domain.order.model.Order;
import io.orderhub.domain.shared.model.OrderId;
import io.orderhub.workers.support.OrderSteps;
import io.orderhub.workers.support.Workers;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * {@code return.inspect}: the warehouse's verdict on the goods, the variable {@code itemCondition}
 * (absent means as new). {@code DAMAGED} goods reject the return: BPMN error RETURN_REJECTED.
 */
@Component
public class InspectReturn {

  public static final String DAMAGED = "DAMAGED";

  private final OrderSteps orders;

  public InspectReturn(OrderSteps orders) {
    this.orders = orders;
  }

  @JobWorker(type = "return.inspect", retryBackoff = Workers.RETRY_BACKOFF_MILLIS)
  public Map<String, Object> inspect(@Variable String orderId, @Variable String itemCondition) {
    OrderId id = Workers.orderId(orderId);
    if (DAMAGED.equals(itemCondition)) {
      orders.change(id, o -> o.rejectReturn("goods failed inspection: " + itemCondition));
      throw CamundaError.bpmnError(
          ApproveReturn.RETURN_REJECTED,
          "goods of order " + id + " failed inspection",
          Map.of("orderStatus", "RETURN_REJECTED"));
    }
    Order order = orders.change(id, Order::markReturnInspected);
    return Map.of("orderStatus", order.status().name());
  }
}
