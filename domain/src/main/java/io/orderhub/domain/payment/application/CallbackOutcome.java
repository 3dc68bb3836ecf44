package io.orderhub.domain.payment.application;

import io.orderhub.domain.payment.model.Payment;

/** What became of a provider callback. Expected outcomes, not exceptions. */
public sealed interface CallbackOutcome {

  /**
   * The callback decided the payment: now {@code CAPTURED} or {@code DECLINED} (or {@code REFUNDED}
   * when it confirmed a payment voided meanwhile). Correlate {@code PaymentConfirmed}/{@code
   * PaymentFailed} by order id.
   */
  record Applied(Payment payment) implements CallbackOutcome {}

  /** The payment had its answer already: a duplicate. Acknowledge it, do nothing (HTTP 200). */
  record Ignored(Payment payment, String reason) implements CallbackOutcome {}

  /** No such payment: refuse the callback (HTTP 404). */
  record Rejected(String reason) implements CallbackOutcome {}
}
