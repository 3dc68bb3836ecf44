package io.orderhub.app.order;

import static io.orderhub.app.Fixtures.key;
import static io.orderhub.app.Fixtures.orderJson;
import static io.orderhub.app.Fixtures.uniqueCustomer;
import static io.orderhub.app.Fixtures.uniqueKey;
import static org.assertj.core.api.Assertions.assertThat;

import io.orderhub.app.Http;
import io.orderhub.app.OrderHubApplication;
import io.orderhub.app.TestServers;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What a user of the local run sees: an order placed over REST goes through the real
 * order-fulfillment model with the real workers (validate, reserve, pay — the simulated provider
 * confirms on its own — route, dispatch), waits for the carrier's delivery report and completes; a
 * cancelled one ends CANCELLED.
 */
@SpringBootTest(
    classes = OrderHubApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "orderhub.process.deployment.resources=classpath*:bpmn/*.bpmn,classpath*:bpmn/*.dmn",
      "orderhub.payment.simulator.delivery=async",
      "camunda.client.execution-threads=4"
    })
@ActiveProfiles({"local", "test"})
class OrderLifecycleTest {

  @DynamicPropertySource
  static void embeddedServers(DynamicPropertyRegistry registry) {
    TestServers.register(registry, true);
  }

  @LocalServerPort int httpPort;

  @Test
  void shouldCompleteAnOrderOnceTheCarrierReportsItDelivered() {
    Http http = new Http(httpPort);
    String id =
        http.post("/api/orders", orderJson(uniqueCustomer()), key(uniqueKey()))
            .json()
            .path("id")
            .asString();

    awaitStatus(http, id, "DISPATCHED");
    assertThat(http.post("/api/orders/" + id + "/delivery", "").status()).isEqualTo(202);

    awaitStatus(http, id, "COMPLETED");
  }

  @Test
  void shouldCancelAnOrderAndUndoWhatItHeld() {
    Http http = new Http(httpPort);
    String id =
        http.post("/api/orders", orderJson(uniqueCustomer()), key(uniqueKey()))
            .json()
            .path("id")
            .asString();
    awaitStatus(http, id, "DISPATCHED");

    assertThat(http.post("/api/orders/" + id + "/cancellation", "").status()).isEqualTo(202);

    awaitStatus(http, id, "CANCELLED");
  }

  /** Bounded polling of what a user would poll: the order's state over the API. */
  private static void awaitStatus(Http http, String id, String status) {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    String seen = null;
    while (System.nanoTime() < deadline) {
      seen = http.get("/api/orders/" + id).json().path("status").asString();
      if (status.equals(seen)) {
        return;
      }
      // a poll interval, as a user would poll; the state change is not timed by it
      java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
    }
    throw new AssertionError(
        "Expected order %s to reach %s within 60 s, but it is %s".formatted(id, status, seen));
  }
}
