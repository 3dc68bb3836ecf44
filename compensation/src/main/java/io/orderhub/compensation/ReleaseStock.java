package io.orderhub.compensation;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.orderhub.domain.inventory.application.InventoryService;
import io.orderhub.domain.inventory.model.Reservation;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** {@code stock.release} — ReleaseStock, the compensation of ReserveStock. */
@Component
public class ReleaseStock {

  private final InventoryService inventory;

  public ReleaseStock(InventoryService inventory) {
    this.inventory = inventory;
  }

  @JobWorker(type = "stock.release", retryBackoff = Compensations.RETRY_BACKOFF_MILLIS)
  public Map<String, Object> release(@Variable String orderId) {
    List<Reservation> reservations = inventory.release(Compensations.orderId(orderId));
    return Map.of(
        "releasedReservations",
        reservations.stream().map(r -> r.sku().value() + " x" + r.quantity()).toList());
  }
}
