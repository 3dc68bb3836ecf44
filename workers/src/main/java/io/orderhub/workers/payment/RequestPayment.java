package io.orderhub.workers.payment;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import io.camunda.client.exception.CamundaError;
import io.orderhub.domain.order.model.PaymentReference;
import io.orderhub.domain.payment.application.PaymentService;
import io.orderhub.domain.payment.model.Payment;
import io.orderhub.domain.resilience.DependencyUnavailable;
import io.orderhub.domain.shared.model.Money;
import io.orderhub.domain.shared.model.OrderId;
import io.orderhub.workers.resilience.RetryLater;
import io.orderhub.workers.support.OrderSteps;
import io.orderhub.workers.support.Workers;
import java.math.BigDecimal;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * {@code payment.request} (ChargePayment): asks the provider to charge the order's total; the
 * answer arrives later as the message PaymentConfirmed / PaymentFailed. A payment the provider has
 * already declined is the BPMN error PAYMENT_DECLINED. Compensated by {@code payment.refund}. A
 * provider that is unavailable (breaker open, no answer in time) fails the job with a back-off.
 */
@Component
public class RequestPayment {

  public static final String PAYMENT_DECLINED = "PAYMENT_DECLINED";

  /** The job's variables. */
  public record Command(String orderId, BigDecimal total, String currency) {}

  private final PaymentService payments;
  private final OrderSteps orders;

  public RequestPayment(PaymentService payments, OrderSteps orders) {
    this.payments = payments;
    this.orders = orders;
  }

  @JobWorker(type = "payment.request", retryBackoff = Workers.RETRY_BACKOFF_MILLIS)
  public Map<String, Object> request(@VariablesAsType Command command) {
    OrderId id = Workers.orderId(command.orderId());
    Payment payment;
    try {
      payment =
          payments.requestPayment(id, Money.of(command.total(), command.currency())).payment();
    } catch (DependencyUnavailable unavailable) {
      // the payment exists and keeps its provider: the retry asks that provider again
      throw RetryLater.after(unavailable, Workers.RETRY_BACKOFF_MILLIS);
    }
    String paymentId = payment.paymentId().asString();
    orders.record(
        id,
        order -> order.markPaymentRequested(PaymentReference.of(paymentId)),
        () -> payments.refund(id));
    return switch (payment.status()) {
      case REQUESTED, CAPTURED -> Map.of("orderStatus", "PAYMENT_PENDING", "paymentId", paymentId);
      case DECLINED ->
          throw CamundaError.bpmnError(
              PAYMENT_DECLINED,
              "payment " + paymentId + " was declined",
              Map.of("paymentId", paymentId));
      case VOIDED, REFUNDED ->
          throw new IllegalStateException(
              "Expected payment "
                  + paymentId
                  + " of order "
                  + id
                  + " to be chargeable, but it is "
                  + payment.status());
    };
  }
}
