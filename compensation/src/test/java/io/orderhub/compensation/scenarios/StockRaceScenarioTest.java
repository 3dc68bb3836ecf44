package io.orderhub.compensation.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderhub.domain.inventory.model.StockLevel;
import io.orderhub.domain.order.model.OrderStatus;
import io.orderhub.domain.shared.model.Sku;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Fifty orders race for the last ten units of a SKU. */
class StockRaceScenarioTest extends ScenarioTest {

  private static final int ORDERS = 50;
  private static final int UNITS = 10;

  @Test
  void shouldLetExactlyTenOrdersPastReservationAndCancelTheRestAsOutOfStock() throws Exception {
    Sku last = stock("WH-NORTH", UNITS);
    List<Placed> placed = new ArrayList<>();
    CountDownLatch start = new CountDownLatch(1);
    try (ExecutorService clients = Executors.newFixedThreadPool(16)) {
      List<Future<Placed>> futures = new ArrayList<>();
      for (int i = 0; i < ORDERS; i++) {
        futures.add(
            clients.submit(
                () -> {
                  start.await();
                  return place(line(last, 1, "9.99"));
                }));
      }
      start.countDown();
      for (Future<Placed> future : futures) {
        placed.add(future.get(60, TimeUnit.SECONDS));
      }
    }

    records()
        .awaitTrue(
            "every order to be reserved or out of stock",
            () ->
                placed.stream()
                    .allMatch(
                        o ->
                            status(o) == OrderStatus.PAYMENT_PENDING
                                || records().isCompleted(o.processInstanceKey())));
    List<Placed> reserved =
        placed.stream().filter(o -> status(o) == OrderStatus.PAYMENT_PENDING).toList();
    List<Placed> outOfStock =
        placed.stream().filter(o -> status(o) != OrderStatus.PAYMENT_PENDING).toList();

    assertThat(reserved).hasSize(UNITS);
    assertThat(outOfStock).hasSize(ORDERS - UNITS);
    for (Placed order : outOfStock) {
      assertThat(status(order)).isEqualTo(OrderStatus.CANCELLED);
      assertThat(outbox(order)).contains("OrderOutOfStock").doesNotContain("StockReserved");
      assertThat(completed(order)).contains("OrderCancelledOutOfStock");
      assertThat(inventory.reservationsOf(order.id())).isEmpty();
    }
    StockLevel level = level(last, "WH-NORTH");
    assertThat(level.available()).isZero();
    assertThat(level.reserved()).isEqualTo(UNITS);

    // the ten winners go all the way
    provider.deliverPending();
    for (Placed order : reserved) {
      deliver(order);
    }
    for (Placed order : reserved) {
      awaitEnded(order);
      assertThat(status(order)).isEqualTo(OrderStatus.COMPLETED);
    }
    assertThat(level(last, "WH-NORTH").reserved()).isZero();
    assertThat(level(last, "WH-NORTH").available()).isZero();
  }
}
