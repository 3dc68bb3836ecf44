package io.orderhub.compensation;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.orderhub.domain.payment.application.PaymentService;
import io.orderhub.domain.payment.application.RefundResult;
import io.orderhub.domain.resilience.DependencyUnavailable;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * {@code payment.refund} — RefundPayment, the compensation of ChargePayment: refunds a capture,
 * voids a charge the provider has not answered yet (a late capture is then refunded at once), does
 * nothing for a declined payment. The refund goes to the provider that owns the payment; while it
 * is unavailable the job fails with a back-off.
 */
@Component
public class RefundPayment {

  private final PaymentService payments;

  public RefundPayment(PaymentService payments) {
    this.payments = payments;
  }

  @JobWorker(type = "payment.refund", retryBackoff = Compensations.RETRY_BACKOFF_MILLIS)
  public Map<String, Object> refund(@Variable String orderId) {
    RefundResult result;
    try {
      result = payments.refund(Compensations.orderId(orderId));
    } catch (DependencyUnavailable unavailable) {
      throw Compensations.retryLater(unavailable);
    }
    String outcome =
        switch (result) {
          case RefundResult.Refunded ignored -> "REFUNDED";
          case RefundResult.AlreadyRefunded ignored -> "ALREADY_REFUNDED";
          case RefundResult.Voided ignored -> "VOIDED";
          case RefundResult.NothingToRefund ignored -> "NOTHING_TO_REFUND";
        };
    return Map.of("paymentRefund", outcome);
  }
}
