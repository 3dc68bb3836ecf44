package io.orderhub.domain.inventory.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderhub.domain.Fixtures;
import io.orderhub.domain.Race;
import io.orderhub.domain.inventory.model.StockLevel;
import io.orderhub.domain.inventory.model.StockRequest;
import io.orderhub.domain.shared.model.OrderId;
import io.orderhub.domain.shared.model.Sku;
import io.orderhub.domain.shared.model.WarehouseId;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The last units of a SKU, fought over by many orders at once: never oversold. */
@SpringBootTest
class StockRaceTest {

  @Autowired InventoryService inventory;
  @Autowired DataSource dataSource;

  @Test
  void shouldSellTheLastTenUnitsExactlyOnceToFiftyRacingOrders() {
    // given
    Sku sku = Fixtures.newSku();
    WarehouseId warehouse = WarehouseId.of("WH-GZ-1");
    inventory.receive(sku, warehouse, 10);

    // when
    List<ReserveResult> results =
        Race.run(
            50, i -> () -> inventory.reserve(OrderId.newId(), List.of(new StockRequest(sku, 1))));

    // then
    assertThat(results).filteredOn(ReserveResult.Reserved.class::isInstance).hasSize(10);
    assertThat(results)
        .filteredOn(ReserveResult.OutOfStock.class::isInstance)
        .hasSize(40)
        .allSatisfy(r -> assertThat(((ReserveResult.OutOfStock) r).missing()).containsExactly(sku));
    assertThat(inventory.stockOf(sku, warehouse)).contains(new StockLevel(sku, warehouse, 0, 10));
    assertThat(
            JdbcClient.create(dataSource)
                .sql("select count(*) from inventory.reservation where sku = ?")
                .param(sku.value())
                .query(Long.class)
                .single())
        .isEqualTo(10);
  }

  @Test
  void shouldNeverLetStockGoNegativeWhenOrdersTakeSeveralUnits() {
    // 7 + 3 fit, every other combination overshoots: whatever the interleaving, never below zero
    Sku sku = Fixtures.newSku();
    WarehouseId warehouse = WarehouseId.of("WH-GZ-1");
    inventory.receive(sku, warehouse, 10);

    List<ReserveResult> results =
        Race.run(
            30,
            i ->
                () ->
                    inventory.reserve(
                        OrderId.newId(), List.of(new StockRequest(sku, i % 2 == 0 ? 7 : 3))));

    int reservedUnits =
        results.stream()
            .filter(ReserveResult.Reserved.class::isInstance)
            .mapToInt(r -> ((ReserveResult.Reserved) r).reservations().getFirst().quantity())
            .sum();
    StockLevel level = inventory.stockOf(sku, warehouse).orElseThrow();
    assertThat(level.available()).isGreaterThanOrEqualTo(0);
    assertThat(level.reserved()).isEqualTo(reservedUnits);
    assertThat(level.available() + level.reserved()).isEqualTo(10);
  }
}
