package io.orderhub.domain.order.model;

import io.orderhub.domain.shared.model.Identifier;
import io.orderhub.domain.shared.model.Text;

/** The customer who placed an order. */
public record CustomerId(String value) implements Identifier {

  public CustomerId {
    Text.requireToken(value, "customer id", 64);
  }

  public static CustomerId of(String value) {
    return new CustomerId(value);
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
