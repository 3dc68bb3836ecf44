package io.orderhub.workers.shipment;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.orderhub.domain.inventory.application.InventoryService;
import io.orderhub.domain.order.model.Order;
import io.orderhub.domain.resilience.DependencyUnavailable;
import io.orderhub.domain.shared.model.OrderId;
import io.orderhub.domain.shipment.application.ShipmentService;
import io.orderhub.domain.shipment.model.Shipment;
import io.orderhub.domain.shipment.model.ShipmentStatus;
import io.orderhub.workers.resilience.RetryLater;
import io.orderhub.workers.support.OrderSteps;
import io.orderhub.workers.support.Workers;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * {@code shipment.dispatch}, one job per package ({@code packageNo}): hands the parcel to the
 * carrier. When the last parcel has left, the order's goods stop counting as reserved (shipped) and
 * the order is DISPATCHED. Compensated by {@code shipment.recall}. A carrier that is unavailable
 * (breaker open, no answer in time) fails the job with a back-off.
 *
 * <p>Returns nothing: the instances run in parallel, and a variable set by one would be written to
 * the process by every other.
 */
@Component
public class DispatchPackage {

  private final ShipmentService shipments;
  private final InventoryService inventory;
  private final OrderSteps orders;

  public DispatchPackage(ShipmentService shipments, InventoryService inventory, OrderSteps orders) {
    this.shipments = shipments;
    this.inventory = inventory;
    this.orders = orders;
  }

  @JobWorker(type = "shipment.dispatch", retryBackoff = Workers.RETRY_BACKOFF_MILLIS)
  public Map<String, Object> dispatch(@Variable String orderId, @Variable Integer packageNo) {
    OrderId id = Workers.orderId(orderId);
    if (packageNo == null) {
      throw new IllegalArgumentException("Expected the job to carry packageNo, but it does not");
    }
    Shipment shipment;
    try {
      shipment = shipments.dispatch(id, packageNo);
    } catch (DependencyUnavailable unavailable) {
      throw RetryLater.after(unavailable, Workers.RETRY_BACKOFF_MILLIS);
    }
    orders.record(id, Order::markDispatching, () -> shipments.recall(id));
    if (shipment.status() == ShipmentStatus.DISPATCHED) {
      inventory.ship(id);
      orders.record(id, Order::markDispatched, () -> shipments.recall(id));
    }
    return Map.of();
  }
}
