package io.orderhub.domain.payment.model;

import io.orderhub.domain.shared.model.Identifier;
import java.util.Objects;
import java.util.UUID;

/** Our id of a payment; also the idempotency key we give the provider. */
public record PaymentId(UUID value) implements Identifier {

  public PaymentId {
    Objects.requireNonNull(value, "payment id");
  }

  public static PaymentId newId() {
    return new PaymentId(UUID.randomUUID());
  }

  public static PaymentId of(String value) {
    try {
      return new PaymentId(UUID.fromString(value));
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new IllegalArgumentException(
          "Expected a payment id in UUID form, but got '" + value + "'", e);
    }
  }

  @Override
  public String asString() {
    return value.toString();
  }

  @Override
  public String toString() {
    return asString();
  }
}
