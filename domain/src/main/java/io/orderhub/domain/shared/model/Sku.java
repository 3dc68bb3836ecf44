package io.orderhub.domain.shared.model;

/** Stock keeping unit: what is sold, stocked and shipped. */
public record Sku(String value) implements Identifier {

  public Sku {
    Text.requireToken(value, "SKU", 64);
  }

  public static Sku of(String value) {
    return new Sku(value);
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
