package io.orderhub.domain.shared.model;

import java.util.Objects;
import java.util.UUID;

/** Identifies an order across all contexts; every other context keys its data by it. */
public record OrderId(UUID value) implements Identifier {

  public OrderId {
    Objects.requireNonNull(value, "order id");
  }

  public static OrderId newId() {
    return new OrderId(UUID.randomUUID());
  }

  /**
   * @throws IllegalArgumentException when {@code value} is not a UUID
   */
  public static OrderId of(String value) {
    try {
      return new OrderId(UUID.fromString(value));
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new IllegalArgumentException(
          "Expected an order id in UUID form, but got '" + value + "'", e);
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
