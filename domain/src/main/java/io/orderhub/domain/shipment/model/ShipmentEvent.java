package io.orderhub.domain.shipment.model;

import io.orderhub.domain.shared.model.DomainEvent;
import io.orderhub.domain.shared.model.OrderId;
import io.orderhub.domain.shared.model.WarehouseId;
import java.util.List;

/** Facts about shipments. */
public sealed interface ShipmentEvent extends DomainEvent {

  OrderId orderId();

  record ShipmentRouted(OrderId orderId, List<ParcelPlan> parcels) implements ShipmentEvent {}

  record ParcelDispatched(
      OrderId orderId, int packageNo, WarehouseId warehouse, String trackingNumber)
      implements ShipmentEvent {}

  /** The last parcel left. */
  record ShipmentDispatched(OrderId orderId) implements ShipmentEvent {}

  record ShipmentDelivered(OrderId orderId) implements ShipmentEvent {}

  record ShipmentRecalled(OrderId orderId, List<Integer> recalled, List<Integer> cancelled)
      implements ShipmentEvent {}
}
