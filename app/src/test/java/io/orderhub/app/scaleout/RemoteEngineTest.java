package io.orderhub.app.scaleout;

import static io.orderhub.app.Fixtures.key;
import static io.orderhub.app.Fixtures.orderJson;
import static io.orderhub.app.Fixtures.uniqueCustomer;
import static io.orderhub.app.Fixtures.uniqueKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.orderhub.app.Http;
import io.orderhub.app.OrderHubApplication;
import io.orderhub.app.TestServers;
import io.orderhub.engine.security.EngineCredentials;
import io.orderhub.engine.security.SecurityConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The scale-out path's first step: the application against an engine in a separate process (its own
 * JVM, as {@code java -jar engine.jar} runs it), reached only through the Camunda client's
 * properties — as it would reach a Zeebe cluster. An order goes through the real models and
 * workers.
 */
@SpringBootTest(
    classes = OrderHubApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "orderhub.engine.embedded=false",
      "orderhub.process.deployment.resources=classpath*:bpmn/*.bpmn,classpath*:bpmn/*.dmn",
      "orderhub.payment.simulator.delivery=async",
      "camunda.client.execution-threads=4"
    })
@ActiveProfiles({"local", "test"})
class RemoteEngineTest {

  private static Process engine;

  @DynamicPropertySource
  static void separateEngine(DynamicPropertyRegistry registry) throws Exception {
    Path dataDir = TestServers.register(registry, false);
    int grpc = TestServers.freePort();
    int rest = TestServers.freePort();
    int monitoring = TestServers.freePort();
    Files.createDirectories(dataDir);
    ProcessBuilder builder =
        new ProcessBuilder(
                List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp",
                    System.getProperty("java.class.path"),
                    "io.orderhub.engine.EngineMain",
                    "--data-dir",
                    dataDir.resolve("engine").toString(),
                    "--grpc-port",
                    "" + grpc,
                    "--rest-port",
                    "" + rest,
                    "--monitoring-port",
                    "" + monitoring,
                    "--admin-user",
                    EngineCredentials.TEST_ADMIN.username()))
            .redirectErrorStream(true)
            .redirectOutput(dataDir.resolve("engine.log").toFile());
    builder
        .environment()
        .put(SecurityConfig.ADMIN_PASSWORD_ENV, EngineCredentials.TEST_ADMIN.password());
    engine = builder.start();
    awaitReady(monitoring);
    registry.add("camunda.client.rest-address", () -> "http://localhost:" + rest);
    registry.add("camunda.client.grpc-address", () -> "http://localhost:" + grpc);
    // as against Zeebe: the engine authenticates, the client uses its standard basic settings
    registry.add("camunda.client.auth.method", () -> "basic");
    registry.add("camunda.client.auth.username", EngineCredentials.TEST_ADMIN::username);
    registry.add("camunda.client.auth.password", EngineCredentials.TEST_ADMIN::password);
    registry.add(
        "orderhub.engine.health-url",
        () -> "http://localhost:" + monitoring + "/actuator/health/readiness");
  }

  @AfterAll
  static void stopEngine() throws InterruptedException {
    if (engine != null) {
      engine.destroy();
      engine.waitFor();
    }
  }

  @LocalServerPort int httpPort;

  @org.springframework.beans.factory.annotation.Autowired
  io.orderhub.app.process.ProcessDeployer deployer;

  @Test
  void shouldRunAnOrderOnASeparateEngineProcess() {
    Http http = new Http(httpPort);
    assertThat(engine.isAlive()).isTrue();
    // on a loaded machine the deploy at startup may time out; it is retried on demand
    await().atMost(Duration.ofSeconds(120)).until(deployer::ensureDeployed);

    String id =
        http.post("/api/orders", orderJson(uniqueCustomer()), key(uniqueKey()))
            .json()
            .path("id")
            .asString();

    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(20))
        .until(
            () ->
                "DISPATCHED"
                    .equals(http.get("/api/orders/" + id).json().path("status").asString()));
    Http.Response health = http.get("/actuator/health");
    assertThat(health.json().path("components").path("engine").path("status").asString())
        .as(health.toString())
        .isEqualTo("UP");
  }

  private static void awaitReady(int monitoringPort) {
    HttpClient http = HttpClient.newHttpClient();
    HttpRequest readiness =
        HttpRequest.newBuilder(
                URI.create("http://localhost:" + monitoringPort + "/actuator/health/readiness"))
            .build();
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(100))
        .ignoreExceptionsInstanceOf(IOException.class)
        .until(
            () -> {
              assertThat(engine.isAlive()).as("the engine process runs").isTrue();
              return http.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode()
                  == 200;
            });
  }
}
