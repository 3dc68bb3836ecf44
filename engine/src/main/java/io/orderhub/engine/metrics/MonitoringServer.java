package io.orderhub.engine.metrics;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * The monitoring port, laid out as Zeebe's (and Spring Boot's actuator): {@code
 * /actuator/prometheus}, {@code /actuator/health} and its {@code liveness}, {@code readiness} and
 * {@code startup} groups. A probe answers 200 with {@code {"status":"UP"}} or 503 with {@code
 * DOWN}, and its details. It runs on its own threads so that it answers while processing is stuck.
 */
public final class MonitoringServer implements AutoCloseable {

  private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";
  private final HttpServer server;
  private final ExecutorService executor;
  private final ObjectMapper json = new ObjectMapper();

  private MonitoringServer(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  public static MonitoringServer start(
      MonitoringConfig config, EngineMetrics metrics, EngineHealth health) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(config.host(), config.port()), 0);
    ExecutorService executor =
        Executors.newFixedThreadPool(
            2, r -> Thread.ofPlatform().name("engine-monitoring").daemon(true).unstarted(r));
    MonitoringServer monitoring = new MonitoringServer(server, executor);
    server.createContext(
        "/actuator/prometheus",
        exchange -> monitoring.send(exchange, 200, PROMETHEUS_TEXT, metrics.scrape()));
    server.createContext("/actuator/health/liveness", probe(monitoring, health::liveness));
    server.createContext("/actuator/health/readiness", probe(monitoring, health::readiness));
    server.createContext("/actuator/health/startup", probe(monitoring, health::startup));
    server.createContext(
        "/actuator/health",
        exchange -> {
          if (!exchange.getRequestURI().getPath().equals("/actuator/health")) {
            monitoring.send(exchange, 404, "text/plain", "Not found");
            return;
          }
          EngineHealth.Status live = health.liveness();
          EngineHealth.Status ready = health.readiness();
          EngineHealth.Status startup = health.startup();
          Map<String, Object> body = new LinkedHashMap<>();
          body.put("status", live.up() && ready.up() && startup.up() ? "UP" : "DOWN");
          body.put(
              "groups",
              Map.of(
                  "liveness", status(live),
                  "readiness", status(ready),
                  "startup", status(startup)));
          monitoring.sendJson(exchange, live.up() && ready.up() ? 200 : 503, body);
        });
    server.setExecutor(executor);
    server.start();
    return monitoring;
  }

  public int port() {
    return server.getAddress().getPort();
  }

  private static com.sun.net.httpserver.HttpHandler probe(
      MonitoringServer monitoring, Supplier<EngineHealth.Status> probe) {
    return exchange -> {
      EngineHealth.Status status = probe.get();
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("status", status(status));
      body.put("details", status.details());
      monitoring.sendJson(exchange, status.up() ? 200 : 503, body);
    };
  }

  private static String status(EngineHealth.Status status) {
    return status.up() ? "UP" : "DOWN";
  }

  private void sendJson(HttpExchange exchange, int code, Map<String, Object> body)
      throws IOException {
    send(exchange, code, "application/json", json.writeValueAsString(body));
  }

  private void send(HttpExchange exchange, int code, String contentType, String body)
      throws IOException {
    try (exchange) {
      if (!exchange.getRequestMethod().equals("GET")
          && !exchange.getRequestMethod().equals("HEAD")) {
        exchange.getResponseHeaders().set("Allow", "GET, HEAD");
        exchange.sendResponseHeaders(405, -1);
        return;
      }
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", contentType);
      boolean head = exchange.getRequestMethod().equals("HEAD");
      exchange.sendResponseHeaders(code, head ? -1 : bytes.length);
      if (!head) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(bytes);
        }
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
