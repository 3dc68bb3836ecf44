package io.orderhub.domain.payment.model;

/** See the table in the {@code payment} package documentation. */
public enum PaymentStatus {
  REQUESTED,
  CAPTURED,
  DECLINED,
  VOIDED,
  REFUNDED
}
