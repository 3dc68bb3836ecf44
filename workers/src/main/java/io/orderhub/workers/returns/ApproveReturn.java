package io.orderhub.workers.returns;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.exception.CamundaError;
import io.orderhub.domain.order.model.Order;
import io.orderhub.domain.order.model.OrderStatus;
import io.orderhub.domain.shared.model.OrderId;
import io.orderhub.workers.support.OrderSteps;
import io.orderhub.workers.support.Workers;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * {@code return.approve}: accepts the return of a delivered (or completed) order; any other order
 * is the BPMN error RETURN_REJECTED. Records the request on the order first when the API has not.
 */
@Component
public class ApproveReturn {

  public static final String RETURN_REJECTED = "RETURN_REJECTED";

  private static final Set<OrderStatus> RETURNABLE =
      EnumSet.of(OrderStatus.DELIVERED, OrderStatus.COMPLETED, OrderStatus.RETURN_REJECTED);

  private final OrderSteps orders;

  public ApproveReturn(OrderSteps orders) {
    this.orders = orders;
  }

  @JobWorker(type = "return.approve", retryBackoff = Workers.RETRY_BACKOFF_MILLIS)
  public Map<String, Object> approve(@Variable String orderId, @Variable String reason) {
    OrderId id = Workers.orderId(orderId);
    OrderStatus status = orders.get(id).status();
    if (!RETURNABLE.contains(status)
        && status != OrderStatus.RETURN_REQUESTED
        && status != OrderStatus.RETURN_APPROVED) {
      throw CamundaError.bpmnError(
          RETURN_REJECTED,
          "order " + id + " is " + status + ": only delivered orders can be returned",
          Map.of("orderStatus", status.name()));
    }
    Order order =
        orders.change(
            id,
            o -> {
              if (RETURNABLE.contains(o.status())) {
                o.requestReturn(reason == null || reason.isBlank() ? "return requested" : reason);
              }
              o.approveReturn();
            });
    return Map.of("orderStatus", order.status().name());
  }
}
