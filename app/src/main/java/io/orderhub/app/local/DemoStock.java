package io.orderhub.app.local;

import io.orderhub.domain.inventory.application.InventoryService;
import io.orderhub.domain.shared.model.Sku;
import io.orderhub.domain.shared.model.WarehouseId;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;

/**
 * Puts demo stock into two warehouses on first start ({@code orderhub.demo.seed-stock=true}, the
 * local profile). Each SKU/warehouse pair is seeded only while it has no stock row, so restarts
 * neither add stock nor undo what orders took. The README lists the same table.
 */
public class DemoStock implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(DemoStock.class);

  /** One seeded stock row. */
  public record Item(String sku, String warehouse, int quantity) {}

  public static final List<Item> ITEMS =
      List.of(
          new Item("SKU-1001", "WH-NORTH", 100),
          new Item("SKU-1001", "WH-SOUTH", 50),
          new Item("SKU-1002", "WH-NORTH", 200),
          new Item("SKU-1002", "WH-SOUTH", 200),
          new Item("SKU-1003", "WH-NORTH", 20),
          new Item("SKU-1004", "WH-SOUTH", 10),
          new Item("SKU-1005", "WH-NORTH", 500),
          new Item("SKU-1005", "WH-SOUTH", 500));

  private final InventoryService inventory;

  public DemoStock(InventoryService inventory) {
    this.inventory = inventory;
  }

  @Override
  public void run(ApplicationArguments args) {
    int seeded = 0;
    for (Item item : ITEMS) {
      Sku sku = Sku.of(item.sku());
      WarehouseId warehouse = WarehouseId.of(item.warehouse());
      if (inventory.stockOf(sku, warehouse).isEmpty()) {
        inventory.receive(sku, warehouse, item.quantity());
        seeded++;
      }
    }
    if (seeded > 0) {
      LOG.info("Seeded {} demo stock rows: {}", seeded, ITEMS);
    }
  }
}
