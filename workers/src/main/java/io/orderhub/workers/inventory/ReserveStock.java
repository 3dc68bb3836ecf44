package io.orderhub.workers.inventory;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import io.camunda.client.exception.CamundaError;
import io.orderhub.domain.inventory.application.InventoryService;
import io.orderhub.domain.inventory.application.ReserveResult;
import io.orderhub.domain.inventory.model.StockRequest;
import io.orderhub.domain.order.model.Order;
import io.orderhub.domain.shared.model.OrderId;
import io.orderhub.domain.shared.model.Sku;
import io.orderhub.domain.shared.model.WarehouseId;
import io.orderhub.workers.support.OrderSteps;
import io.orderhub.workers.support.Workers;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * {@code stock.reserve} (ReserveStock): all of the order's lines or nothing; a shortage is the BPMN
 * error OUT_OF_STOCK. Compensated by {@code stock.release}.
 */
@Component
public class ReserveStock {

  public static final String OUT_OF_STOCK = "OUT_OF_STOCK";

  /**
   * The job's variables: the order, its lines (other line fields are not needed here) and the
   * warehouses in the order the routing decision ({@code fulfilment-routing.dmn}) ranked them for
   * the destination; none means no preference.
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Command(String orderId, List<Line> lines, List<String> warehousePreference) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Line(String sku, int quantity) {}

  private final InventoryService inventory;
  private final OrderSteps orders;

  public ReserveStock(InventoryService inventory, OrderSteps orders) {
    this.inventory = inventory;
    this.orders = orders;
  }

  @JobWorker(type = "stock.reserve", retryBackoff = Workers.RETRY_BACKOFF_MILLIS)
  public Map<String, Object> reserve(@VariablesAsType Command command) {
    OrderId id = Workers.orderId(command.orderId());
    List<StockRequest> requests =
        command.lines().stream().map(l -> StockRequest.of(l.sku(), l.quantity())).toList();
    List<WarehouseId> preference =
        command.warehousePreference() == null
            ? List.of()
            : command.warehousePreference().stream().map(WarehouseId::of).toList();
    return switch (inventory.reserve(id, requests, preference)) {
      case ReserveResult.Reserved reserved -> {
        orders.record(id, Order::markStockReserved, () -> inventory.release(id));
        yield Map.of("orderStatus", "STOCK_RESERVED");
      }
      case ReserveResult.OutOfStock shortage -> {
        orders.change(id, order -> order.markOutOfStock(shortage.missing()));
        List<String> missing = shortage.missing().stream().map(Sku::value).toList();
        throw CamundaError.bpmnError(
            OUT_OF_STOCK,
            "not enough stock of " + missing,
            Map.of("orderStatus", "OUT_OF_STOCK", "missingSkus", missing));
      }
      case ReserveResult.AlreadyReleased released ->
          throw new IllegalStateException(
              "Expected to reserve stock for order "
                  + id
                  + ", but its reservations were released already: "
                  + released.reservations());
    };
  }
}
