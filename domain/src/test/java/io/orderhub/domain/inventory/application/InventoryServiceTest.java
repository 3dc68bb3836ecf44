package io.orderhub.domain.inventory.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderhub.domain.Fixtures;
import io.orderhub.domain.OutboxRows;
import io.orderhub.domain.Race;
import io.orderhub.domain.inventory.model.Reservation;
import io.orderhub.domain.inventory.model.ReservationStatus;
import io.orderhub.domain.inventory.model.StockLevel;
import io.orderhub.domain.inventory.model.StockRequest;
import io.orderhub.domain.shared.model.OrderId;
import io.orderhub.domain.shared.model.Sku;
import io.orderhub.domain.shared.model.WarehouseId;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest
class InventoryServiceTest {

  static final WarehouseId BEIJING = WarehouseId.of("WH-BJ-1");
  static final WarehouseId SHANGHAI = WarehouseId.of("WH-SH-1");

  @Autowired InventoryService inventory;
  @Autowired DataSource dataSource;
  OutboxRows outbox;
  Sku sku;
  OrderId order;

  @BeforeEach
  void stock() {
    outbox = new OutboxRows(dataSource);
    sku = Fixtures.newSku();
    order = OrderId.newId();
    inventory.receive(sku, BEIJING, 10);
  }

  @Test
  void shouldMoveReservedUnitsFromAvailableToReserved() {
    ReserveResult result = inventory.reserve(order, List.of(new StockRequest(sku, 3)));

    assertThat(result)
        .isInstanceOfSatisfying(
            ReserveResult.Reserved.class,
            reserved -> {
              assertThat(reserved.repeated()).isFalse();
              assertThat(reserved.reservations())
                  .singleElement()
                  .satisfies(r -> assertThat(r.warehouse()).isEqualTo(BEIJING));
            });
    assertThat(level(BEIJING)).isEqualTo(new StockLevel(sku, BEIJING, 7, 3));
    assertThat(outbox.eventTypes(order)).containsExactly("StockReserved");
  }

  @Test
  void shouldReserveOnlyOnceWhenRetried() {
    inventory.reserve(order, List.of(new StockRequest(sku, 3)));

    ReserveResult retry = inventory.reserve(order, List.of(new StockRequest(sku, 3)));

    assertThat(retry)
        .isInstanceOfSatisfying(
            ReserveResult.Reserved.class, reserved -> assertThat(reserved.repeated()).isTrue());
    assertThat(level(BEIJING)).isEqualTo(new StockLevel(sku, BEIJING, 7, 3));
    assertThat(outbox.eventTypes(order)).containsExactly("StockReserved");
  }

  @Test
  void shouldReserveOnlyOnceWhenRetriesRace() {
    List<ReserveResult> results =
        Race.run(10, i -> () -> inventory.reserve(order, List.of(new StockRequest(sku, 3))));

    assertThat(results).allMatch(ReserveResult.Reserved.class::isInstance);
    assertThat(results)
        .filteredOn(r -> !((ReserveResult.Reserved) r).repeated())
        .as("calls that took stock")
        .hasSize(1);
    assertThat(level(BEIJING)).isEqualTo(new StockLevel(sku, BEIJING, 7, 3));
    assertThat(inventory.reservationsOf(order)).hasSize(1);
  }

  @Test
  void shouldReserveNothingWhenOneSkuIsMissing() {
    Sku scarce = Fixtures.newSku();
    inventory.receive(scarce, SHANGHAI, 1);

    ReserveResult result =
        inventory.reserve(order, List.of(new StockRequest(sku, 3), new StockRequest(scarce, 2)));

    assertThat(result).isEqualTo(new ReserveResult.OutOfStock(List.of(scarce)));
    assertThat(level(BEIJING)).isEqualTo(new StockLevel(sku, BEIJING, 10, 0));
    assertThat(inventory.stockOf(scarce, SHANGHAI))
        .contains(new StockLevel(scarce, SHANGHAI, 1, 0));
    assertThat(inventory.reservationsOf(order)).isEmpty();
    assertThat(outbox.eventTypes(order)).isEmpty();
  }

  @Test
  void shouldTakeFromThePreferredWarehouseWhenItHasEnough() {
    inventory.receive(sku, SHANGHAI, 50); // the fullest: first without a preference
    OrderId other = OrderId.newId();

    inventory.reserve(order, List.of(new StockRequest(sku, 5)), List.of(BEIJING, SHANGHAI));
    inventory.reserve(other, List.of(new StockRequest(sku, 8)), List.of(BEIJING, SHANGHAI));

    assertThat(inventory.reservationsOf(order))
        .singleElement()
        .satisfies(r -> assertThat(r.warehouse()).isEqualTo(BEIJING));
    // Beijing has 5 left: the stock decides over the preference
    assertThat(inventory.reservationsOf(other))
        .singleElement()
        .satisfies(r -> assertThat(r.warehouse()).isEqualTo(SHANGHAI));
  }

  @Test
  void shouldTakeFromTheWarehouseThatHasEnough() {
    inventory.receive(sku, SHANGHAI, 50);

    inventory.reserve(order, List.of(new StockRequest(sku, 20)));

    assertThat(inventory.reservationsOf(order))
        .singleElement()
        .satisfies(r -> assertThat(r.warehouse()).isEqualTo(SHANGHAI));
    assertThat(level(SHANGHAI)).isEqualTo(new StockLevel(sku, SHANGHAI, 30, 20));
    assertThat(level(BEIJING)).isEqualTo(new StockLevel(sku, BEIJING, 10, 0));
  }

  @Test
  void shouldReleaseOnlyOnce() {
    inventory.reserve(order, List.of(new StockRequest(sku, 4)));

    List<Reservation> first = inventory.release(order);
    List<Reservation> second = inventory.release(order);

    assertThat(first).extracting(Reservation::status).containsExactly(ReservationStatus.RELEASED);
    assertThat(second).extracting(Reservation::status).containsExactly(ReservationStatus.RELEASED);
    assertThat(level(BEIJING)).isEqualTo(new StockLevel(sku, BEIJING, 10, 0));
    assertThat(outbox.eventTypes(order)).containsExactly("StockReserved", "StockReleased");
  }

  @Test
  void shouldReleaseOnlyOnceWhenCompensationsRace() {
    inventory.reserve(order, List.of(new StockRequest(sku, 4)));

    Race.run(8, i -> () -> inventory.release(order));

    assertThat(level(BEIJING)).isEqualTo(new StockLevel(sku, BEIJING, 10, 0));
    assertThat(outbox.eventTypes(order)).containsExactly("StockReserved", "StockReleased");
  }

  @Test
  void shouldAcceptReleaseOfAnOrderWithoutReservations() {
    assertThat(inventory.release(order)).isEmpty();
  }

  @Test
  void shouldNotReserveAgainAfterRelease() {
    inventory.reserve(order, List.of(new StockRequest(sku, 4)));
    inventory.release(order);

    ReserveResult late = inventory.reserve(order, List.of(new StockRequest(sku, 4)));

    assertThat(late).isInstanceOf(ReserveResult.AlreadyReleased.class);
    assertThat(level(BEIJING)).isEqualTo(new StockLevel(sku, BEIJING, 10, 0));
  }

  @Test
  void shouldShipThenRestockOnlyOnce() {
    inventory.reserve(order, List.of(new StockRequest(sku, 4)));

    inventory.ship(order);
    assertThat(level(BEIJING)).isEqualTo(new StockLevel(sku, BEIJING, 6, 0));

    inventory.restock(order);
    inventory.restock(order);

    assertThat(inventory.reservationsOf(order))
        .extracting(Reservation::status)
        .containsExactly(ReservationStatus.RESTOCKED);
    assertThat(level(BEIJING)).isEqualTo(new StockLevel(sku, BEIJING, 10, 0));
    assertThat(outbox.eventTypes(order))
        .containsExactly("StockReserved", "StockShipped", "StockRestocked");
  }

  @Test
  void shouldGiveBackRecalledGoodsOnRelease() {
    inventory.reserve(order, List.of(new StockRequest(sku, 4)));
    inventory.ship(order);

    inventory.release(order);

    assertThat(level(BEIJING)).isEqualTo(new StockLevel(sku, BEIJING, 10, 0));
  }

  private StockLevel level(WarehouseId warehouse) {
    return inventory.stockOf(sku, warehouse).orElseThrow();
  }
}
