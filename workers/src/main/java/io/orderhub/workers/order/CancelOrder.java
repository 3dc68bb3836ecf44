package io.orderhub.workers.order;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.orderhub.domain.inventory.application.InventoryService;
import io.orderhub.domain.order.model.Order;
import io.orderhub.domain.order.model.OrderStatus;
import io.orderhub.domain.payment.application.PaymentService;
import io.orderhub.domain.shared.model.OrderId;
import io.orderhub.domain.shipment.application.ShipmentService;
import io.orderhub.workers.support.OrderSteps;
import io.orderhub.workers.support.Workers;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * {@code order.cancel}: the last step of every cancellation, after the process compensated the
 * steps that completed. Records why ({@code cancellationCause}: CANCEL_REQUESTED, PAYMENT_DECLINED,
 * PAYMENT_TIMEOUT, OUT_OF_STOCK), accepts the cancellation and marks the order CANCELLED.
 *
 * <p>Between accepting and marking it runs every compensation once more, idempotently: a step that
 * was still in flight when the process was interrupted is not compensated by the process (only
 * completed activities are), but its effect may have landed just before the order refused it. Where
 * there is nothing left to undo these calls change nothing and record nothing, so the domain's
 * events still show exactly the compensations that ran.
 */
@Component
public class CancelOrder {

  private final OrderSteps orders;
  private final InventoryService inventory;
  private final PaymentService payments;
  private final ShipmentService shipments;

  public CancelOrder(
      OrderSteps orders,
      InventoryService inventory,
      PaymentService payments,
      ShipmentService shipments) {
    this.orders = orders;
    this.inventory = inventory;
    this.payments = payments;
    this.shipments = shipments;
  }

  @JobWorker(type = "order.cancel", retryBackoff = Workers.RETRY_BACKOFF_MILLIS)
  public Map<String, Object> cancel(
      @Variable String orderId, @Variable String cancellationCause, @Variable String reason) {
    OrderId id = Workers.orderId(orderId);
    String cause = cancellationCause == null ? "CANCEL_REQUESTED" : cancellationCause;
    Order order = orders.change(id, o -> accept(o, cause, reason));
    if (order.status() != OrderStatus.CANCELLED) {
      shipments.recall(id);
      payments.refund(id);
      inventory.release(id);
      order = orders.change(id, Order::markCancelled);
    }
    return Map.of("orderStatus", order.status().name(), "cancellationCause", cause);
  }

  private static void accept(Order order, String cause, String reason) {
    if (order.status() == OrderStatus.CANCELLED) {
      return; // a redelivered job
    }
    boolean awaitingPayment = order.status() == OrderStatus.PAYMENT_PENDING;
    switch (cause) {
      case "PAYMENT_TIMEOUT" -> {
        if (awaitingPayment) {
          order.markPaymentTimedOut();
        }
      }
      case "PAYMENT_DECLINED" -> {
        if (awaitingPayment) {
          order.markPaymentFailed(text(reason, "payment declined"));
        }
      }
      default -> {}
    }
    order.requestCancellation(text(reason, describe(cause)));
  }

  private static String describe(String cause) {
    return switch (cause) {
      case "PAYMENT_TIMEOUT" -> "payment timed out";
      case "PAYMENT_DECLINED" -> "payment declined";
      case "OUT_OF_STOCK" -> "out of stock";
      default -> "cancellation requested";
    };
  }

  private static String text(String given, String fallback) {
    return given == null || given.isBlank() ? fallback : given;
  }
}
