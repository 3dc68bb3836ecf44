package io.orderhub.workers.returns;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.orderhub.domain.order.model.Order;
import io.orderhub.domain.order.model.PaymentReference;
import io.orderhub.domain.payment.application.PaymentService;
import io.orderhub.domain.payment.application.RefundResult;
import io.orderhub.domain.payment.model.Payment;
import io.orderhub.domain.shared.model.OrderId;
import io.orderhub.workers.support.OrderSteps;
import io.orderhub.workers.support.Workers;
import java.util.Map;
import org.springframework.stereotype.Component;

/** {@code return.refund}: refunds the order's captured payment, at most once. */
@Component
public class RefundReturn {

  private final PaymentService payments;
  private final OrderSteps orders;

  public RefundReturn(PaymentService payments, OrderSteps orders) {
    this.payments = payments;
    this.orders = orders;
  }

  @JobWorker(type = "return.refund", retryBackoff = Workers.RETRY_BACKOFF_MILLIS)
  public Map<String, Object> refund(@Variable String orderId) {
    OrderId id = Workers.orderId(orderId);
    Payment refunded =
        switch (payments.refund(id)) {
          case RefundResult.Refunded r -> r.payment();
          case RefundResult.AlreadyRefunded r -> r.payment();
          case RefundResult.Voided r ->
              throw new IllegalStateException(
                  "Expected a captured payment of returned order " + id + ", but it was voided");
          case RefundResult.NothingToRefund r ->
              throw new IllegalStateException(
                  "Expected a captured payment of returned order " + id + ", but " + r.reason());
        };
    String reference = refunded.refundReference().orElseThrow();
    Order order = orders.change(id, o -> o.markRefunded(PaymentReference.of(reference)));
    return Map.of("orderStatus", order.status().name(), "refundReference", reference);
  }
}
