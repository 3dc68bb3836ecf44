package io.orderhub.domain.order.model;

import io.orderhub.domain.shared.model.Identifier;
import io.orderhub.domain.shared.model.Text;

/**
 * The client's key for one order submission: a retried submission with the same key (of the same
 * customer) yields the order created the first time instead of a second order.
 */
public record IdempotencyKey(String value) implements Identifier {

  public IdempotencyKey {
    Text.requireToken(value, "idempotency key", 128);
  }

  public static IdempotencyKey of(String value) {
    return new IdempotencyKey(value);
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
