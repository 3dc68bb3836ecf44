package io.orderhub.domain.payment.application;

import io.orderhub.domain.payment.model.PaymentId;
import io.orderhub.domain.shared.model.Money;

/**
 * The payment service provider, as the payment context needs it. Implementations must be idempotent
 * per payment id — our payment id is the idempotency key we hand over — so that a retried call
 * never moves money twice.
 */
public interface PaymentProvider {

  /**
   * The provider's name, recorded on each payment it owns and used in metrics; stable across
   * restarts. Decorators pass on the name of what they wrap.
   */
  default String name() {
    return "default";
  }

  /**
   * Asks for {@code amount} to be charged. The answer arrives later as a {@link
   * io.orderhub.domain.payment.model.PaymentCallback}. Charging a payment id again does not charge
   * again.
   */
  void charge(PaymentId paymentId, Money amount);

  /**
   * Refunds a captured charge, synchronously.
   *
   * @return the provider's refund reference; the same one when asked again for the same payment
   * @throws IllegalStateException when nothing was captured for the payment
   */
  String refund(PaymentId paymentId, Money amount);
}
