package io.orderhub.workers.payment;

import io.camunda.client.CamundaClient;
import io.orderhub.domain.payment.application.CallbackOutcome;
import io.orderhub.domain.payment.application.PaymentCallbackSink;
import io.orderhub.domain.payment.application.PaymentService;
import io.orderhub.domain.payment.model.Payment;
import io.orderhub.domain.payment.model.PaymentCallback;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Where the payment provider's answers go: applies each callback to the payment ({@link
 * PaymentService#handleCallback}) and then publishes the BPMN message the order process waits for —
 * PaymentConfirmed for a capture, PaymentFailed for a decline — correlated by order id.
 *
 * <p>Connect it as the provider's sink (the simulator: {@code simulator.connect(correlator)}) or
 * call it from a webhook / the {@code payments.callbacks} consumer. Safe to call again for the same
 * callback: the payment takes only its first answer, and the message id (payment id + message name)
 * lets the engine drop a second publication. The message lives for {@code
 * orderhub.payment.message-ttl} (default PT15M), so a callback that overtakes the process — the
 * provider answered before the payment job completed — is still correlated when the process
 * arrives.
 */
@Component
public class PaymentCallbackCorrelator implements PaymentCallbackSink {

  public static final String PAYMENT_CONFIRMED = "PaymentConfirmed";
  public static final String PAYMENT_FAILED = "PaymentFailed";

  private static final Logger LOG = LoggerFactory.getLogger(PaymentCallbackCorrelator.class);

  private final PaymentService payments;
  private final CamundaClient client;
  private final Duration timeToLive;

  public PaymentCallbackCorrelator(
      PaymentService payments,
      CamundaClient client,
      @Value("${orderhub.payment.message-ttl:PT15M}") Duration timeToLive) {
    this.payments = payments;
    this.client = client;
    this.timeToLive = timeToLive;
  }

  @Override
  public void accept(PaymentCallback callback) {
    switch (payments.handleCallback(callback)) {
      case CallbackOutcome.Applied applied -> publish(applied.payment());
      // a repeated answer: publish again in case the first publication was lost
      case CallbackOutcome.Ignored ignored -> publish(ignored.payment());
      case CallbackOutcome.Rejected rejected ->
          throw new IllegalArgumentException(
              "Expected a callback for a known payment, but " + rejected.reason());
    }
  }

  private void publish(Payment payment) {
    String message =
        switch (payment.status()) {
          case CAPTURED -> PAYMENT_CONFIRMED;
          case DECLINED -> PAYMENT_FAILED;
          // voided before the answer, then captured and refunded at once: the order is gone
          case REQUESTED, VOIDED, REFUNDED -> null;
        };
    if (message == null) {
      return;
    }
    String paymentId = payment.paymentId().asString();
    try {
      client
          .newPublishMessageCommand()
          .messageName(message)
          .correlationKey(payment.orderId().asString())
          .messageId(paymentId + ":" + message)
          .timeToLive(timeToLive)
          .variables(
              Map.of(
                  "paymentId", paymentId,
                  "paymentStatus", payment.status().name(),
                  "providerReference", payment.providerReference().orElse("")))
          .send()
          .join();
    } catch (RuntimeException e) {
      if (String.valueOf(e.getMessage()).contains("already")) {
        LOG.debug("{} for payment {} was published before", message, paymentId);
        return;
      }
      throw e;
    }
  }
}
