package io.orderhub.domain.payment.model;

import java.util.Objects;

/**
 * The provider's answer to a charge, delivered asynchronously (webhook, Kafka {@code
 * payments.callbacks}, or the simulator's sink). May arrive more than once.
 */
public record PaymentCallback(PaymentId paymentId, Status status, String providerReference) {

  public enum Status {
    CONFIRMED,
    DECLINED
  }

  public PaymentCallback {
    Objects.requireNonNull(paymentId, "payment id");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(providerReference, "provider reference");
  }
}
