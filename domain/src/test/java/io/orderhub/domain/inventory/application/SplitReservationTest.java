package io.orderhub.domain.inventory.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderhub.domain.Fixtures;
import io.orderhub.domain.Race;
import io.orderhub.domain.inventory.model.Reservation;
import io.orderhub.domain.inventory.model.StockLevel;
import io.orderhub.domain.inventory.model.StockRequest;
import io.orderhub.domain.shared.model.OrderId;
import io.orderhub.domain.shared.model.Sku;
import io.orderhub.domain.shared.model.WarehouseId;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A line larger than any single warehouse's stock is served by several when together they hold
 * enough (issue 9, item 6: 120 units with 100 + 50 in stock).
 */
@SpringBootTest
class SplitReservationTest {

  static final WarehouseId NORTH = WarehouseId.of("WH-NORTH");
  static final WarehouseId SOUTH = WarehouseId.of("WH-SOUTH");

  @Autowired InventoryService inventory;
  Sku sku;

  @BeforeEach
  void stock() {
    sku = Fixtures.newSku();
    inventory.receive(sku, NORTH, 100);
    inventory.receive(sku, SOUTH, 50);
  }

  @Test
  void shouldSplitALineAcrossWarehousesWhenNoneHoldsItAll() {
    OrderId order = OrderId.newId();

    ReserveResult result = inventory.reserve(order, List.of(new StockRequest(sku, 120)));

    assertThat(result).isInstanceOf(ReserveResult.Reserved.class);
    assertThat(inventory.reservationsOf(order))
        .extracting(Reservation::warehouse, Reservation::quantity)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(NORTH, 100),
            org.assertj.core.groups.Tuple.tuple(SOUTH, 20));
    assertThat(inventory.stockOf(sku, NORTH)).contains(new StockLevel(sku, NORTH, 0, 100));
    assertThat(inventory.stockOf(sku, SOUTH)).contains(new StockLevel(sku, SOUTH, 30, 20));
  }

  @Test
  void shouldTakeOneWarehouseWhenOneHoldsItAll() {
    OrderId order = OrderId.newId();

    inventory.reserve(order, List.of(new StockRequest(sku, 60)));

    assertThat(inventory.reservationsOf(order))
        .singleElement()
        .satisfies(r -> assertThat(r.warehouse()).isEqualTo(NORTH));
  }

  @Test
  void shouldRefuseWhenTheWarehousesTogetherHoldTooLittle() {
    OrderId order = OrderId.newId();

    ReserveResult result = inventory.reserve(order, List.of(new StockRequest(sku, 151)));

    assertThat(result).isInstanceOf(ReserveResult.OutOfStock.class);
    assertThat(inventory.stockOf(sku, NORTH)).contains(new StockLevel(sku, NORTH, 100, 0));
    assertThat(inventory.stockOf(sku, SOUTH)).contains(new StockLevel(sku, SOUTH, 50, 0));
  }

  @Test
  void shouldReserveASplitLineOnceWhenRetriesRace() {
    OrderId order = OrderId.newId();

    Race.run(8, i -> () -> inventory.reserve(order, List.of(new StockRequest(sku, 120))));

    assertThat(inventory.reservationsOf(order)).hasSize(2);
    int reserved = inventory.stockOf(sku).stream().mapToInt(StockLevel::reserved).sum();
    assertThat(reserved).isEqualTo(120);
  }
}
