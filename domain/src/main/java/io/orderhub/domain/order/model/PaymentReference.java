package io.orderhub.domain.order.model;

import io.orderhub.domain.shared.model.Identifier;
import io.orderhub.domain.shared.model.Text;

/**
 * The payment context's id of the payment (or refund) for an order, as the order remembers it. A
 * plain text here so the order model does not depend on the payment context.
 */
public record PaymentReference(String value) implements Identifier {

  public PaymentReference {
    Text.requireToken(value, "payment reference", 64);
  }

  public static PaymentReference of(String value) {
    return new PaymentReference(value);
  }

  @Override
  public String asString() {
    return value;
  }

  @Override
  public String toString() {
    return value;
  }
}
