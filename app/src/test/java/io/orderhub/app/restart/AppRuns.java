package io.orderhub.app.restart;

import io.camunda.client.CamundaClient;
import io.orderhub.app.Http;
import io.orderhub.app.OrderHubApplication;
import io.orderhub.app.TestServers;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Runs the whole application (local and test profiles: embedded engine and PostgreSQL) several
 * times in a row on the same data directories and ports — a restart, as {@code ./orderhub run}
 * after a stop. Each {@link #start} is a fresh Spring context; {@link Run#close()} stops it.
 */
final class AppRuns {

  private final Path dataDir =
      Path.of("target", "test-data", UUID.randomUUID().toString()).toAbsolutePath();
  private final int postgresPort = TestServers.freePort();
  private final int grpcPort = TestServers.freePort();
  private final int restPort = TestServers.freePort();
  private final Map<String, Object> properties = new LinkedHashMap<>();

  AppRuns with(String name, Object value) {
    properties.put(name, value);
    return this;
  }

  Run start(String... extraProperties) {
    List<String> args = new ArrayList<>();
    args.add("--server.port=0");
    args.add("--orderhub.postgres.data-dir=" + dataDir.resolve("postgres"));
    args.add(
        "--orderhub.security.local-issuer.key-file="
            + dataDir.resolve("local-issuer/signing-key.pem"));
    args.add("--orderhub.postgres.port=" + postgresPort);
    args.add("--orderhub.engine.data-dir=" + dataDir.resolve("engine"));
    args.add("--orderhub.engine.grpc-port=" + grpcPort);
    args.add("--orderhub.engine.rest-port=" + restPort);
    properties.forEach((name, value) -> args.add("--" + name + "=" + value));
    for (String extra : extraProperties) {
      args.add("--" + extra);
    }
    ConfigurableApplicationContext context =
        new SpringApplicationBuilder(OrderHubApplication.class)
            .profiles("local", "test")
            .run(args.toArray(String[]::new));
    return new Run(context);
  }

  /** One running application. */
  static final class Run implements AutoCloseable {

    final ConfigurableApplicationContext context;
    final Http http;

    Run(ConfigurableApplicationContext context) {
      this.context = context;
      this.http =
          new Http(
              Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port")));
    }

    CamundaClient camunda() {
      return context.getBean(CamundaClient.class);
    }

    <T> T bean(Class<T> type) {
      return context.getBean(type);
    }

    /** Polls the order's state as a user would, until it is {@code status}. */
    void awaitStatus(String orderId, String status) {
      org.awaitility.Awaitility.await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(200))
          .until(
              () -> http.get("/api/orders/" + orderId).json().path("status").asString(),
              status::equals);
    }

    @Override
    public void close() {
      context.close();
    }
  }
}
