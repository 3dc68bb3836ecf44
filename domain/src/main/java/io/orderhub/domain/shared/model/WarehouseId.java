package io.orderhub.domain.shared.model;

/** A warehouse (fulfilment node) that holds stock and ships parcels. */
public record WarehouseId(String value) implements Identifier {

  public WarehouseId {
    Text.requireToken(value, "warehouse id", 64);
  }

  public static WarehouseId of(String value) {
    return new WarehouseId(value);
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
