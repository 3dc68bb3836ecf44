package io.orderhub.domain.payment.application;

import io.orderhub.domain.payment.model.Payment;

/** What became of a refund (the RefundPayment compensation). Expected outcomes, not exceptions. */
public sealed interface RefundResult {

  /** The captured amount was refunded by this call. */
  record Refunded(Payment payment) implements RefundResult {}

  /** Refunded before; nothing moved now. */
  record AlreadyRefunded(Payment payment) implements RefundResult {}

  /**
   * The provider had not answered yet: the payment is voided, and should the capture still arrive
   * it is refunded at once.
   */
  record Voided(Payment payment) implements RefundResult {}

  /** Nothing was captured (no payment, or declined): nothing to give back. */
  record NothingToRefund(String reason) implements RefundResult {}
}
