package io.orderhub.app.stock;

import io.orderhub.app.web.ControlCharacters;
import io.orderhub.app.web.InvalidRequest;
import io.orderhub.domain.inventory.application.InventoryService;
import io.orderhub.domain.inventory.model.StockLevel;
import io.orderhub.domain.shared.model.Sku;
import io.orderhub.domain.shared.model.WarehouseId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/stock}: stock per SKU and warehouse; a PUT records a count (replenishment). */
@RestController
@RequestMapping("/api/stock")
@Tag(name = "stock")
public class StockController {

  private final InventoryService inventory;

  public StockController(InventoryService inventory) {
    this.inventory = inventory;
  }

  /** The counters of one SKU in one warehouse. */
  public record StockView(String sku, String warehouseId, int available, int reserved) {

    static StockView of(StockLevel level) {
      return new StockView(
          level.sku().asString(),
          level.warehouse().asString(),
          level.available(),
          level.reserved());
    }
  }

  /** A SKU's stock across warehouses. */
  public record SkuStockView(String sku, int available, int reserved, List<StockView> warehouses) {}

  /** A stock count: the units now available on the warehouse's shelf. */
  public record StockCount(
      @Schema(example = "150") @NotNull @PositiveOrZero @Max(1_000_000_000) Integer available) {}

  @GetMapping
  @Operation(summary = "Every SKU in every warehouse, by SKU then warehouse")
  @ApiResponse(responseCode = "200", description = "the stock")
  public List<StockView> all() {
    return inventory.allStock().stream().map(StockView::of).toList();
  }

  @GetMapping("/{sku}")
  @Operation(summary = "One SKU's stock, in total and per warehouse")
  @ApiResponse(responseCode = "200", description = "the SKU's stock")
  @ApiResponse(responseCode = "400", description = "not a SKU")
  @ApiResponse(responseCode = "404", description = "no warehouse stocks the SKU")
  public SkuStockView one(@PathVariable String sku) {
    Sku id = sku(sku);
    List<StockLevel> levels = inventory.stockOf(id);
    if (levels.isEmpty()) {
      throw new SkuNotFound(id.asString());
    }
    return new SkuStockView(
        id.asString(),
        levels.stream().mapToInt(StockLevel::available).sum(),
        levels.stream().mapToInt(StockLevel::reserved).sum(),
        levels.stream().map(StockView::of).toList());
  }

  @PutMapping("/{sku}/{warehouseId}")
  @Operation(
      summary = "Record a stock count: the units available now (replenishes the warehouse)",
      description =
          "Sets the available units of the SKU in the warehouse, creating the entry for a new SKU"
              + " or warehouse; reserved units are not touched. Idempotent.")
  @ApiResponse(responseCode = "200", description = "the counters after the count")
  @ApiResponse(responseCode = "400", description = "invalid SKU, warehouse or count")
  public StockView count(
      @PathVariable String sku,
      @PathVariable String warehouseId,
      @Valid @RequestBody StockCount count) {
    return StockView.of(inventory.count(sku(sku), warehouse(warehouseId), count.available()));
  }

  private static Sku sku(String value) {
    if (ControlCharacters.contains(value)) {
      throw InvalidRequest.of("sku", ControlCharacters.MESSAGE);
    }
    try {
      return Sku.of(value);
    } catch (IllegalArgumentException e) {
      throw InvalidRequest.of("sku", "must be 1-64 characters without surrounding blanks");
    }
  }

  private static WarehouseId warehouse(String value) {
    if (ControlCharacters.contains(value)) {
      throw InvalidRequest.of("warehouseId", ControlCharacters.MESSAGE);
    }
    try {
      return WarehouseId.of(value);
    } catch (IllegalArgumentException e) {
      throw InvalidRequest.of("warehouseId", "must be 1-64 characters without surrounding blanks");
    }
  }
}
