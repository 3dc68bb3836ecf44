package io.orderhub.app.payment;

import io.orderhub.domain.payment.model.Payment;
import io.orderhub.domain.payment.model.PaymentCallback;
import io.orderhub.domain.payment.model.PaymentStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells a repeated answer from a contradicting one. Only the provider's first answer counts; a
 * repeat of it is acknowledged, but an answer the other way (DECLINED after the payment was
 * CAPTURED) means the provider and we disagree about money — refused, logged, for a human to look
 * at.
 */
final class CallbackContradictions {

  private static final Logger LOG = LoggerFactory.getLogger(CallbackContradictions.class);

  private CallbackContradictions() {}

  /**
   * @throws ContradictoryCallback when {@code callback} contradicts the answer {@code payment} took
   */
  static void requireConsistent(PaymentCallback callback, Payment payment) {
    PaymentStatus status = payment.status();
    boolean consistent =
        switch (callback.status()) {
          case CONFIRMED -> status == PaymentStatus.CAPTURED || status == PaymentStatus.REFUNDED;
          case DECLINED -> status == PaymentStatus.DECLINED;
        };
    if (!consistent) {
      String message =
          "Payment "
              + payment.paymentId()
              + " is "
              + status
              + "; a "
              + callback.status()
              + " callback contradicts the provider's earlier answer and is refused";
      LOG.warn(
          "Refused a payment callback: {} (provider reference {})",
          message,
          callback.providerReference());
      throw new ContradictoryCallback(payment.paymentId().asString(), status.name(), message);
    }
  }
}
