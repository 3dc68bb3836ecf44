package io.orderhub.domain.shipment.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.orderhub.domain.Fixtures;
import io.orderhub.domain.inventory.application.InventoryService;
import io.orderhub.domain.inventory.model.StockRequest;
import io.orderhub.domain.outbox.application.OutboxWriter;
import io.orderhub.domain.resilience.DependencyUnavailable;
import io.orderhub.domain.resilience.Guard;
import io.orderhub.domain.resilience.GuardSettings;
import io.orderhub.domain.resilience.InjectedFaults;
import io.orderhub.domain.shared.model.OrderId;
import io.orderhub.domain.shared.model.Sku;
import io.orderhub.domain.shared.model.WarehouseId;
import io.orderhub.domain.shipment.infrastructure.InventoryReservedGoods;
import io.orderhub.domain.shipment.infrastructure.Shipments;
import io.orderhub.domain.shipment.infrastructure.SimulatedCarrier;
import io.orderhub.domain.shipment.model.ParcelStatus;
import io.orderhub.domain.shipment.model.ShipmentStatus;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The carrier behind its guard: a hanging carrier makes a dispatch fail within the time limit
 * (parcel still pending, retry books once), a failing one opens the breaker, which refuses without
 * calling until the carrier had time to recover. The shipment service of the test has a carrier and
 * guard of its own (short limits), on the shared context's database.
 */
@SpringBootTest
class CarrierResilienceTest {

  static final WarehouseId BEIJING = WarehouseId.of("WH-BJ-1");
  static final GuardSettings SETTINGS =
      new GuardSettings(Duration.ofMillis(300), 4, 50, 4, 4, Duration.ofMillis(500), 1);

  @Autowired Shipments shipmentRows;
  @Autowired OutboxWriter outbox;
  @Autowired PlatformTransactionManager transactions;
  @Autowired InventoryService inventory;
  @Autowired DispatchSlots slots;
  SimulatedCarrier carrier = new SimulatedCarrier();
  GuardedCarrier guarded = new GuardedCarrier(carrier, new Guard("carrier", SETTINGS));
  ShipmentService shipments;

  @BeforeEach
  void shipmentServiceWithAGuardedCarrier() {
    shipments =
        new ShipmentService(
            shipmentRows,
            new InventoryReservedGoods(inventory),
            slots,
            outbox,
            guarded.asCarrier(),
            transactions,
            Clock.systemUTC());
  }

  @AfterEach
  void closeGuard() {
    guarded.close();
  }

  @Test
  void shouldFailADispatchWithinTheTimeLimitAndBookOnceOnRetry() {
    OrderId order = routedOrder();
    carrier.inject(new InjectedFaults(Duration.ofSeconds(5), 0));
    long started = System.nanoTime();

    assertThatThrownBy(() -> shipments.dispatch(order, 1))
        .isInstanceOfSatisfying(
            DependencyUnavailable.class,
            e -> assertThat(e.reason()).isEqualTo(DependencyUnavailable.Reason.TIMED_OUT))
        .hasMessage("Expected carrier to answer within PT0.3S, but it did not");

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(4));
    assertThat(parcelStatus(order)).isEqualTo(ParcelStatus.PENDING);

    carrier.inject(InjectedFaults.NONE);
    assertThat(shipments.dispatch(order, 1).status()).isEqualTo(ShipmentStatus.DISPATCHED);
    String tracking = "OH-" + order.asString() + "-1";
    assertThat(carrier.requests(tracking)).isEqualTo(2);
    assertThat(carrier.isBooked(tracking)).isTrue();
  }

  @Test
  void shouldOpenTheBreakerOnAFailingCarrierAndCloseItOnceItRecovered() {
    carrier.inject(new InjectedFaults(Duration.ZERO, 1));
    for (int i = 0; i < 4; i++) {
      OrderId order = routedOrder();
      assertThatThrownBy(() -> shipments.dispatch(order, 1))
          .isInstanceOf(SimulatedCarrier.CarrierOutage.class);
    }
    assertThat(guarded.guard().state()).isEqualTo(CircuitBreaker.State.OPEN);

    carrier.inject(InjectedFaults.NONE);
    OrderId refused = routedOrder();
    assertThatThrownBy(() -> shipments.dispatch(refused, 1))
        .isInstanceOfSatisfying(
            DependencyUnavailable.class,
            e -> {
              assertThat(e.reason()).isEqualTo(DependencyUnavailable.Reason.CIRCUIT_OPEN);
              assertThat(e.retryAfter()).isEqualTo(Duration.ofMillis(500));
            });
    assertThat(carrier.requests("OH-" + refused.asString() + "-1")).as("not called").isZero();

    await().atMost(10, TimeUnit.SECONDS).until(() -> guarded.guard().permitsCalls());
    assertThat(shipments.dispatch(refused, 1).status()).isEqualTo(ShipmentStatus.DISPATCHED);
    assertThat(guarded.guard().state()).isEqualTo(CircuitBreaker.State.CLOSED);
  }

  private OrderId routedOrder() {
    OrderId order = OrderId.newId();
    Sku tea = Fixtures.newSku();
    inventory.receive(tea, BEIJING, 5);
    inventory.reserve(order, List.of(new StockRequest(tea, 1)));
    shipments.route(order);
    return order;
  }

  private ParcelStatus parcelStatus(OrderId order) {
    return shipments.shipmentOf(order).orElseThrow().parcel(1).status();
  }
}
