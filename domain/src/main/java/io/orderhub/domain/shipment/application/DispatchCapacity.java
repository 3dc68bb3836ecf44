package io.orderhub.domain.shipment.application;

import java.util.Map;

/**
 * How many parcels a fulfilment node hands to carriers a day, when it is first booked: {@code
 * perWarehouse} by warehouse id, else {@code dailyDefault}. Slots are booked at most {@code
 * horizonDays} days ahead (today included). Once a node exists its row in {@code
 * shipment.fulfilment_node} rules.
 */
public record DispatchCapacity(
    int dailyDefault, Map<String, Integer> perWarehouse, int horizonDays) {

  public DispatchCapacity {
    if (dailyDefault <= 0 || horizonDays <= 0) {
      throw new IllegalArgumentException(
          "Expected a positive daily capacity and horizon, but got "
              + dailyDefault
              + " and "
              + horizonDays);
    }
    perWarehouse = Map.copyOf(perWarehouse);
  }

  public int dailyOf(String warehouse) {
    return perWarehouse.getOrDefault(warehouse, dailyDefault);
  }
}
