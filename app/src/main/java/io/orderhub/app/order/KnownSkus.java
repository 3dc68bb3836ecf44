package io.orderhub.app.order;

import io.orderhub.app.web.FieldViolation;
import io.orderhub.app.web.InvalidRequest;
import io.orderhub.domain.inventory.application.InventoryService;
import io.orderhub.domain.order.model.OrderLine;
import java.util.ArrayList;
import java.util.List;

/**
 * A SKU is known when some warehouse has ever stocked it. An order for an unknown SKU is refused
 * when it is placed, rather than accepted and then cancelled as out of stock.
 */
public class KnownSkus {

  private final InventoryService inventory;

  public KnownSkus(InventoryService inventory) {
    this.inventory = inventory;
  }

  /**
   * @throws InvalidRequest naming {@code lines[i].sku} of each unknown SKU
   */
  public void requireKnown(List<OrderLine> lines) {
    List<FieldViolation> violations = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (inventory.stockOf(lines.get(i).sku()).isEmpty()) {
        violations.add(
            new FieldViolation(
                "lines[" + i + "].sku", "is not a known SKU: no warehouse stocks it"));
      }
    }
    if (!violations.isEmpty()) {
      throw new InvalidRequest(violations);
    }
  }
}
