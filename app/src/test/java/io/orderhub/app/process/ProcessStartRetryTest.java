package io.orderhub.app.process;

import static io.orderhub.app.Fixtures.key;
import static io.orderhub.app.Fixtures.orderJson;
import static io.orderhub.app.Fixtures.uniqueCustomer;
import static io.orderhub.app.Fixtures.uniqueKey;
import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.orderhub.app.Http;
import io.orderhub.app.Jobs;
import io.orderhub.app.OrderHubApplication;
import io.orderhub.app.TestServers;
import io.orderhub.domain.shared.model.OrderId;
import io.orderhub.engine.Engine;
import io.orderhub.engine.EngineConfig;
import io.orderhub.engine.security.EngineCredentials;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The application configured for a remote engine ({@code orderhub.engine.embedded=false} and the
 * standard client properties) while that engine is down: orders are still taken and kept, and once
 * the engine is there the retry sweep deploys the models and starts their processes.
 */
@SpringBootTest(
    classes = OrderHubApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"local", "test"})
class ProcessStartRetryTest {

  private static final int ENGINE_GRPC_PORT = TestServers.freePort();
  private static final int ENGINE_REST_PORT = TestServers.freePort();
  private static Path dataDir;

  @DynamicPropertySource
  static void remoteEngine(DynamicPropertyRegistry registry) {
    dataDir = TestServers.register(registry, false);
    registry.add("orderhub.engine.embedded", () -> "false");
    registry.add("camunda.client.rest-address", () -> "http://localhost:" + ENGINE_REST_PORT);
    registry.add("camunda.client.grpc-address", () -> "http://localhost:" + ENGINE_GRPC_PORT);
    registry.add("camunda.client.request-timeout", () -> "PT3S");
    // a remote engine with authentication: the starter's standard basic settings
    registry.add("camunda.client.auth.method", () -> "basic");
    registry.add("camunda.client.auth.username", EngineCredentials.TEST_ADMIN::username);
    registry.add("camunda.client.auth.password", EngineCredentials.TEST_ADMIN::password);
  }

  @LocalServerPort int httpPort;
  @Autowired CamundaClient camunda;
  @Autowired ProcessStartRetry retry;
  @Autowired ProcessStarts starts;

  @Test
  void shouldKeepOrdersWhileTheEngineIsDownAndStartThemWhenItIsBack() throws Exception {
    Http http = new Http(httpPort);
    Path engineData = dataDir.resolve("engine");
    EngineConfig engineConfig =
        EngineConfig.defaults(engineData)
            .withPorts(ENGINE_GRPC_PORT, ENGINE_REST_PORT)
            .withSecurity(EngineCredentials.TEST_ADMIN.asAdmin());

    // the engine is down: orders are taken and kept, their processes wait
    Http.Response placed = http.post("/api/orders", orderJson(uniqueCustomer()), key(uniqueKey()));
    Http.Response dropped = http.post("/api/orders", orderJson(uniqueCustomer()), key(uniqueKey()));
    String id = placed.json().path("id").asString();
    String droppedId = dropped.json().path("id").asString();
    Http.Response cancelledAtOnce = http.post("/api/orders/" + droppedId + "/cancellation", null);

    assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
    assertThat(starts.isStarted(OrderId.of(id))).isFalse();
    assertThat(retry.sweepOnce()).isZero();
    // nothing ran for it yet, so nothing to compensate
    assertThat(cancelledAtOnce.status()).as(cancelledAtOnce.toString()).isEqualTo(202);
    assertThat(cancelledAtOnce.json().path("status").asString()).isEqualTo("CANCELLED");

    // the engine comes: the sweep deploys the models and starts the waiting order's process
    try (Engine engine = Engine.start(engineConfig)) {
      assertThat(retry.sweepOnce()).isEqualTo(1);
      assertThat(starts.isStarted(OrderId.of(id))).isTrue();
      assertThat(starts.isStarted(OrderId.of(droppedId))).isFalse();
      assertThat(Jobs.await(camunda, "test.fulfil", Jobs.forOrder(id))).hasSize(1);
      assertThat(retry.sweepOnce()).isZero();
    }

    // down again while the process runs: the cancellation is kept, the client told to repeat it
    Http.Response cancelWhileDown = http.post("/api/orders/" + id + "/cancellation", null);

    assertThat(cancelWhileDown.status()).as(cancelWhileDown.toString()).isEqualTo(503);
    assertThat(cancelWhileDown.contentType()).startsWith("application/problem+json");
    assertThat(cancelWhileDown.json().path("type").asString())
        .isEqualTo("urn:orderhub:problem:engine-unavailable");
    assertThat(cancelWhileDown.header("Retry-After")).isEqualTo("5");
    assertThat(http.get("/api/orders/" + id).json().path("status").asString())
        .isEqualTo("CANCELLATION_REQUESTED");

    // back (recovered from its journal): the repeated request reaches the running instance
    try (Engine engine = Engine.start(engineConfig)) {
      Http.Response repeated = http.post("/api/orders/" + id + "/cancellation", null);

      assertThat(repeated.status()).as(repeated.toString()).isEqualTo(202);
      assertThat(Jobs.await(camunda, "test.cancel", Jobs.forOrder(id))).hasSize(1);
    }
  }
}
