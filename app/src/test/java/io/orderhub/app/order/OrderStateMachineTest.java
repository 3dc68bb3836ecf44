package io.orderhub.app.order;

import static io.orderhub.app.Fixtures.key;
import static io.orderhub.app.Fixtures.line;
import static io.orderhub.app.Fixtures.order;
import static io.orderhub.app.Fixtures.orderJson;
import static io.orderhub.app.Fixtures.uniqueCustomer;
import static io.orderhub.app.Fixtures.uniqueKey;
import static org.assertj.core.api.Assertions.assertThat;

import io.orderhub.app.Http;
import io.orderhub.app.RealModelsTest;
import io.orderhub.domain.inventory.application.InventoryService;
import io.orderhub.domain.inventory.model.Reservation;
import io.orderhub.domain.payment.model.PaymentStatus;
import io.orderhub.domain.shared.model.OrderId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The holes in the order's state machine that users fell into (issue 9, item 5), against the real
 * models and workers: delivery reports only for deliverable orders, one winner of a cancellation
 * racing a delivery, returns right at delivery, failed deliveries, rejected returns, and the reason
 * a cancelled order keeps.
 */
@ExtendWith(OutputCaptureExtension.class)
class OrderStateMachineTest extends RealModelsTest {

  private static final Set<String> FINAL = Set.of("COMPLETED", "CANCELLED", "REJECTED");

  @Autowired InventoryService inventory;

  @Test
  void shouldRefuseADeliveryReportUnlessTheOrderCanBeDelivered() {
    String id = place();
    Http.Response early = http().post("/api/orders/" + id + "/delivery", "");

    assertThat(early.status()).as(early.toString()).isEqualTo(409);
    assertThat(early.contentType()).startsWith("application/problem+json");
    assertThat(http().post("/api/orders/" + id + "/cancellation", "").status()).isEqualTo(202);
    awaitStatus(id, Set.of("CANCELLED"));
    Http.Response cancelled = http().post("/api/orders/" + id + "/delivery", "");
    assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(409);
    assertThat(cancelled.json().path("currentState").asString()).isEqualTo("CANCELLED");
  }

  @Test
  void shouldKeepTheReasonOfACancelledOrder() {
    String id = place();
    http().post("/api/orders/" + id + "/cancellation", "{\"reason\":\"ordered twice\"}");

    awaitStatus(id, Set.of("CANCELLED"));

    assertThat(http().get("/api/orders/" + id).json().path("statusReason").asString())
        .isEqualTo("ordered twice");
  }

  @Test
  void shouldLetExactlyOneOfARacingCancellationAndDeliveryWinAndEndTheProcess() throws Exception {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      ids.add(place());
    }
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (String id : ids) {
        awaitStatus(id, Set.of("DISPATCHED"));
        CyclicBarrier start = new CyclicBarrier(2);
        CompletableFuture<Http.Response> cancel =
            CompletableFuture.supplyAsync(
                () -> {
                  await(start);
                  return http().post("/api/orders/" + id + "/cancellation", "");
                },
                pool);
        CompletableFuture<Http.Response> deliver =
            CompletableFuture.supplyAsync(
                () -> {
                  await(start);
                  return http().post("/api/orders/" + id + "/delivery", "");
                },
                pool);

        int cancelStatus = cancel.get().status();
        int deliverStatus = deliver.get().status();

        assertThat(List.of(cancelStatus, deliverStatus))
            .as("cancel %s, deliver %s for %s", cancel.get(), deliver.get(), id)
            .containsExactlyInAnyOrder(202, 409);
        String end = awaitStatus(id, FINAL);
        PaymentStatus payment = payments.paymentOf(OrderId.of(id)).orElseThrow().status();
        if (cancelStatus == 202) {
          assertThat(end).isEqualTo("CANCELLED");
          assertThat(payment).isEqualTo(PaymentStatus.REFUNDED);
        } else {
          assertThat(end).isEqualTo("COMPLETED");
          assertThat(payment).isEqualTo(PaymentStatus.CAPTURED);
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void shouldReturnAnOrderAskedBackTheMomentItShowsDelivered(CapturedOutput output) {
    for (int i = 0; i < 3; i++) {
      String id = place();
      awaitStatus(id, Set.of("DISPATCHED"));

      Http.Response delivered = http().post("/api/orders/" + id + "/delivery", "");
      assertThat(delivered.json().path("status").asString()).isEqualTo("DELIVERED");
      Http.Response returned =
          http().post("/api/orders/" + id + "/return", "{\"reason\":\"too small\"}");

      assertThat(returned.status()).as(returned.toString()).isEqualTo(202);
      awaitStatus(id, Set.of("RETURNED"));
    }
    // the fulfilment's last steps met an order already in its return and did not fail on it
    assertThat(output.getAll()).doesNotContain("IllegalOrderTransition");
    assertThat(output.getAll()).doesNotContain("of type order.complete");
  }

  @Test
  void shouldRecordAFailedDeliveryAndDeliverOnTheNextAttempt() {
    String id = place();
    awaitStatus(id, Set.of("DISPATCHED"));

    Http.Response failed =
        http()
            .post(
                "/api/orders/" + id + "/delivery",
                "{\"outcome\":\"FAILED\",\"reason\":\"nobody home\"}");
    Http.Response noReason =
        http().post("/api/orders/" + id + "/delivery", "{\"outcome\":\"FAILED\"}");

    assertThat(failed.status()).as(failed.toString()).isEqualTo(202);
    assertThat(failed.json().path("status").asString()).isEqualTo("DELIVERY_FAILED");
    assertThat(failed.json().path("statusReason").asString()).isEqualTo("nobody home");
    assertThat(noReason.status()).isEqualTo(400);
    assertThat(http().post("/api/orders/" + id + "/delivery", "").status()).isEqualTo(202);
    awaitStatus(id, Set.of("COMPLETED"));
  }

  @Test
  void shouldCancelAnOrderWhoseDeliveryFailed() {
    String id = place();
    awaitStatus(id, Set.of("DISPATCHED"));
    http()
        .post(
            "/api/orders/" + id + "/delivery",
            "{\"outcome\":\"FAILED\",\"reason\":\"address unknown\"}");

    assertThat(http().post("/api/orders/" + id + "/cancellation", "").status()).isEqualTo(202);

    awaitStatus(id, Set.of("CANCELLED"));
    assertThat(payments.paymentOf(OrderId.of(id)).orElseThrow().status())
        .isEqualTo(PaymentStatus.REFUNDED);
  }

  @Test
  void shouldRejectTheReturnOfDamagedGoods() {
    String id = place();
    awaitStatus(id, Set.of("DISPATCHED"));
    http().post("/api/orders/" + id + "/delivery", "");
    awaitStatus(id, Set.of("COMPLETED"));

    Http.Response returned =
        http()
            .post(
                "/api/orders/" + id + "/return",
                "{\"reason\":\"broken\",\"itemCondition\":\"DAMAGED\"}");
    Http.Response unknownCondition =
        http()
            .post("/api/orders/" + id + "/return", "{\"reason\":\"x\",\"itemCondition\":\"MEH\"}");

    assertThat(returned.status()).as(returned.toString()).isEqualTo(202);
    assertThat(unknownCondition.status()).isEqualTo(400);
    awaitStatus(id, Set.of("RETURN_REJECTED"));
    assertThat(payments.paymentOf(OrderId.of(id)).orElseThrow().status())
        .isEqualTo(PaymentStatus.CAPTURED);
  }

  @Test
  void shouldSplitALineAcrossWarehousesWhenTheirStockTogetherSuffices() {
    String sku = "SKU-SPLIT-" + UUID.randomUUID().toString().substring(0, 8);
    http().put("/api/stock/" + sku + "/WH-NORTH", "{\"available\":100}");
    http().put("/api/stock/" + sku + "/WH-SOUTH", "{\"available\":50}");

    Http.Response created =
        http()
            .post(
                "/api/orders",
                Http.json(order(uniqueCustomer(), List.of(line(sku, 120, "1.00")))),
                key(uniqueKey()));
    String id = created.json().path("id").asString();

    awaitStatus(id, Set.of("DISPATCHED"));
    assertThat(inventory.reservationsOf(OrderId.of(id)))
        .extracting(Reservation::quantity)
        .containsExactlyInAnyOrder(100, 20);
  }

  private String place() {
    Http.Response created =
        http().post("/api/orders", orderJson(uniqueCustomer()), key(uniqueKey()));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json().path("id").asString();
  }

  /** Bounded polling of the order's state over the API, as a user would; returns what it saw. */
  private String awaitStatus(String id, Set<String> expected) {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    String seen = null;
    while (System.nanoTime() < deadline) {
      seen = http().get("/api/orders/" + id).json().path("status").asString();
      if (expected.contains(seen)) {
        return seen;
      }
      LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
    }
    throw new AssertionError(
        "Expected order %s to reach one of %s within 60 s, but it is %s"
            .formatted(id, expected, seen));
  }

  private static void await(CyclicBarrier barrier) {
    try {
      barrier.await();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
