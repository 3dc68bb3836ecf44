package io.orderhub.domain.shipment.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orderhub.domain.Fixtures;
import io.orderhub.domain.OutboxRows;
import io.orderhub.domain.Race;
import io.orderhub.domain.inventory.application.InventoryService;
import io.orderhub.domain.inventory.model.StockRequest;
import io.orderhub.domain.shared.model.OrderId;
import io.orderhub.domain.shared.model.Sku;
import io.orderhub.domain.shared.model.WarehouseId;
import io.orderhub.domain.shipment.model.Parcel;
import io.orderhub.domain.shipment.model.ParcelItem;
import io.orderhub.domain.shipment.model.ParcelStatus;
import io.orderhub.domain.shipment.model.Shipment;
import io.orderhub.domain.shipment.model.ShipmentStatus;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest
class ShipmentServiceTest {

  static final WarehouseId BEIJING = WarehouseId.of("WH-BJ-1");
  static final WarehouseId WUHAN = WarehouseId.of("WH-WH-1");

  @Autowired ShipmentService shipments;
  @Autowired InventoryService inventory;
  @Autowired DataSource dataSource;
  OutboxRows outbox;
  OrderId order;
  Sku tea;
  Sku cups;

  @BeforeEach
  void reserveGoodsInTwoWarehouses() {
    outbox = new OutboxRows(dataSource);
    order = OrderId.newId();
    tea = Fixtures.newSku();
    cups = Fixtures.newSku();
    inventory.receive(tea, BEIJING, 5);
    inventory.receive(cups, WUHAN, 5);
    inventory.reserve(order, List.of(new StockRequest(tea, 2), new StockRequest(cups, 4)));
  }

  @Test
  void shouldRouteOneParcelPerWarehouseHoldingTheReservation() {
    RouteResult result = shipments.route(order);

    Shipment shipment = ((RouteResult.Routed) result).shipment();
    assertThat(shipment.status()).isEqualTo(ShipmentStatus.ROUTED);
    assertThat(shipment.packageNumbers()).containsExactly(1, 2);
    assertThat(shipment.parcels())
        .extracting(Parcel::warehouse, Parcel::items)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(BEIJING, List.of(new ParcelItem(tea, 2))),
            org.assertj.core.groups.Tuple.tuple(WUHAN, List.of(new ParcelItem(cups, 4))));
    assertThat(outbox.eventTypes(order)).endsWith("ShipmentRouted");
  }

  @Test
  void shouldRouteOnlyOnce() {
    shipments.route(order);

    RouteResult again = shipments.route(order);

    assertThat(again)
        .isInstanceOfSatisfying(
            RouteResult.Routed.class, routed -> assertThat(routed.repeated()).isTrue());
    assertThat(outbox.eventTypes(order)).filteredOn("ShipmentRouted"::equals).hasSize(1);
  }

  @Test
  void shouldFindNothingToShipWithoutReservation() {
    assertThat(shipments.route(OrderId.newId())).isInstanceOf(RouteResult.NothingReserved.class);
  }

  @Test
  void shouldDispatchEachParcelOnceAndCompleteWhenAllLeft() {
    shipments.route(order);

    Shipment afterFirst = shipments.dispatch(order, 1);
    shipments.dispatch(order, 1);
    Shipment afterSecond = shipments.dispatch(order, 2);

    assertThat(afterFirst.status()).isEqualTo(ShipmentStatus.DISPATCHING);
    assertThat(afterSecond.status()).isEqualTo(ShipmentStatus.DISPATCHED);
    assertThat(afterSecond.parcel(1).trackingNumber()).contains("OH-" + order + "-1");
    assertThat(outbox.eventTypes(order))
        .containsSubsequence("ShipmentRouted", "ParcelDispatched", "ParcelDispatched")
        .endsWith("ShipmentDispatched")
        .filteredOn("ParcelDispatched"::equals)
        .hasSize(2);
  }

  @Test
  void shouldDispatchParcelsInParallel() {
    shipments.route(order);

    Race.run(4, i -> () -> shipments.dispatch(order, i % 2 + 1));

    Shipment shipment = shipments.shipmentOf(order).orElseThrow();
    assertThat(shipment.status()).isEqualTo(ShipmentStatus.DISPATCHED);
    assertThat(outbox.eventTypes(order)).filteredOn("ParcelDispatched"::equals).hasSize(2);
  }

  @Test
  void shouldRefuseUnknownPackageAndDeliveryBeforeDispatch() {
    shipments.route(order);

    assertThatThrownBy(() -> shipments.dispatch(order, 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Expected a package 3 in the shipment of order " + order + ", but it has [1, 2]");
    assertThatThrownBy(() -> shipments.confirmDelivery(order))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("Expected every parcel of order " + order + " to be dispatched");
    assertThatThrownBy(() -> shipments.dispatch(OrderId.newId(), 1))
        .isInstanceOf(ShipmentNotFound.class);
  }

  @Test
  void shouldConfirmDeliveryOnceAndThenBeTooLateToRecall() {
    shipments.route(order);
    shipments.dispatch(order, 1);
    shipments.dispatch(order, 2);

    shipments.confirmDelivery(order);
    Shipment again = shipments.confirmDelivery(order);

    assertThat(again.status()).isEqualTo(ShipmentStatus.DELIVERED);
    assertThat(outbox.eventTypes(order)).filteredOn("ShipmentDelivered"::equals).hasSize(1);
    assertThat(shipments.recall(order)).isInstanceOf(RecallResult.TooLate.class);
  }

  @Test
  void shouldRecallDispatchedAndCancelPendingParcelsOnce() {
    shipments.route(order);
    shipments.dispatch(order, 1);

    RecallResult first = shipments.recall(order);
    RecallResult second = shipments.recall(order);

    assertThat(first)
        .isInstanceOfSatisfying(
            RecallResult.Recalled.class,
            recalled ->
                assertThat(recalled.shipment().parcels())
                    .extracting(Parcel::status)
                    .containsExactly(ParcelStatus.RECALLED, ParcelStatus.CANCELLED));
    assertThat(second).isInstanceOf(RecallResult.AlreadyRecalled.class);
    assertThat(outbox.eventTypes(order)).filteredOn("ShipmentRecalled"::equals).hasSize(1);
    assertThatThrownBy(() -> shipments.dispatch(order, 2))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("RECALLED");
  }

  @Test
  void shouldFindNothingToRecallForAnOrderNeverRouted() {
    assertThat(shipments.recall(OrderId.newId())).isInstanceOf(RecallResult.NothingToRecall.class);
  }
}
