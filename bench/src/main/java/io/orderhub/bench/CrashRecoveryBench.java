package io.orderhub.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * "kill -9 → every in-flight order moving again": starts the all-in-one application jar (embedded
 * engine, embedded PostgreSQL, simulated payments answering by themselves), places orders, and
 * while they are in flight stops the application — once with SIGTERM (the peer: a clean restart)
 * and once with SIGKILL — then starts it again on the same data and measures how long until every
 * order that was in flight when it stopped has moved past the state it was in (or reached a state
 * where it waits for the outside world: DISPATCHED, or a final one).
 *
 * <pre>
 * java -cp bench/target/bench.jar io.orderhub.bench.CrashRecoveryBench \
 *     [--app-jar app/target/app.jar] [--orders 60]
 * </pre>
 */
public final class CrashRecoveryBench {

  private static final Set<String> SETTLED =
      Set.of("DISPATCHED", "COMPLETED", "CANCELLED", "REJECTED", "RETURNED");
  private static final ObjectMapper JSON = new ObjectMapper();
  // generous: on a loaded machine the application can take minutes to start
  private static final Duration STARTUP = Duration.ofMinutes(10);
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final Path appJar;
  private final int orders;

  private CrashRecoveryBench(Path appJar, int orders) {
    this.appJar = appJar;
    this.orders = orders;
  }

  public static void main(String[] args) throws Exception {
    Path jar = Path.of("app/target/app.jar");
    int orders = 60;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--app-jar" -> jar = Path.of(args[++i]);
        case "--orders" -> orders = Integer.parseInt(args[++i]);
        default -> throw new IllegalArgumentException("Unknown option " + args[i]);
      }
    }
    CrashRecoveryBench bench = new CrashRecoveryBench(jar, orders);
    Result clean = bench.run(false);
    Result killed = bench.run(true);
    System.out.println(
        "| stop | orders in flight at the stop | restart → ready | stop → every in-flight order moved |");
    System.out.println("|---|---|---|---|");
    System.out.println(clean.row("SIGTERM (peer)"));
    System.out.println(killed.row("kill -9"));
    System.out.printf(
        "%nkill -9 recovery / clean-restart recovery = %.2f%n",
        (double) killed.allMoved().toMillis() / clean.allMoved().toMillis());
  }

  record Result(int inFlight, Duration restartToReady, Duration allMoved) {
    String row(String stop) {
      return "| %s | %d | %.1f s | %.1f s |"
          .formatted(
              stop, inFlight, restartToReady.toMillis() / 1000.0, allMoved.toMillis() / 1000.0);
    }
  }

  private Result run(boolean kill) throws Exception {
    Path data = Files.createTempDirectory("orderhub-crash-bench");
    Map<String, Integer> ports = new HashMap<>();
    for (String name : List.of("http", "grpc", "engine-grpc", "engine-rest", "postgres")) {
      ports.put(name, freePort());
    }
    Process first = start(data, ports);
    int http = ports.get("http");
    List<String> ids = new ArrayList<>();
    Map<String, String> before = new HashMap<>();
    try {
      awaitReady(http, STARTUP);
      for (int i = 0; i < orders; i++) {
        ids.add(place(http));
      }
      for (String id : ids) {
        before.put(id, status(http, id));
      }
    } catch (Exception e) {
      first.destroy();
      first.waitFor();
      throw e;
    }
    long stopped = System.nanoTime();
    if (kill) {
      first.destroyForcibly(); // SIGKILL: no shutdown hook, no clean stop of anything
    } else {
      first.destroy(); // SIGTERM: Spring closes the context
    }
    first.waitFor();
    List<String> inFlight = ids.stream().filter(id -> !SETTLED.contains(before.get(id))).toList();

    long restarted = System.nanoTime();
    Process second = start(data, ports);
    try {
      awaitReady(http, STARTUP);
      long ready = System.nanoTime();
      List<String> waiting = new ArrayList<>(inFlight);
      long deadline = System.nanoTime() + Duration.ofMinutes(20).toNanos();
      while (!waiting.isEmpty()) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("Orders still where they were after 20 min: " + waiting);
        }
        waiting.removeIf(id -> !status(http, id).equals(before.get(id)));
        Thread.sleep(100); // a poll interval of the harness, not of a test
      }
      long moved = System.nanoTime();
      return new Result(
          inFlight.size(), Duration.ofNanos(ready - restarted), Duration.ofNanos(moved - stopped));
    } finally {
      second.destroy();
      second.waitFor();
    }
  }

  private Process start(Path data, Map<String, Integer> ports) throws IOException {
    return new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-jar",
            appJar.toAbsolutePath().toString(),
            "--server.port=" + ports.get("http"),
            "--orderhub.grpc.port=" + ports.get("grpc"),
            "--orderhub.engine.grpc-port=" + ports.get("engine-grpc"),
            "--orderhub.engine.rest-port=" + ports.get("engine-rest"),
            "--orderhub.postgres.port=" + ports.get("postgres"),
            "--orderhub.engine.data-dir=" + data.resolve("engine"),
            "--orderhub.postgres.data-dir=" + data.resolve("postgres"),
            "--orderhub.security.local-issuer.key-file="
                + data.resolve("local-issuer/signing-key.pem"))
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(data.resolve("app.log").toFile()))
        .start();
  }

  private static void awaitReady(int port, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      try {
        if (get(port, "/actuator/health/readiness").statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // the port is not open yet
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("Expected the application to be ready within " + timeout);
  }

  private static String place(int port) throws IOException, InterruptedException {
    String body =
        """
        {"customerId":"bench-%s","lines":[{"sku":"SKU-1005","quantity":1,"unitPrice":10.00,"currency":"EUR"}],
         "shippingAddress":{"recipient":"Ada","street":"1 Street","city":"London","postalCode":"N1","countryCode":"GB"}}
        """
            .formatted(UUID.randomUUID());
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/orders"))
                .header("Authorization", "Bearer " + operatorToken(port))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 201) {
      throw new IllegalStateException("Expected 201, but got " + response.statusCode());
    }
    return JSON.readTree(response.body()).path("id").asText();
  }

  private static String status(int port, String id) {
    try {
      JsonNode order = JSON.readTree(get(port, "/api/orders/" + id).body());
      return order.path("status").asText();
    } catch (IOException e) {
      return "?";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static HttpResponse<String> get(int port, String path)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .timeout(Duration.ofSeconds(5));
    if (!path.startsWith("/actuator/health")) {
      request.header("Authorization", "Bearer " + operatorToken(port));
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static volatile String operatorToken;

  // the local profile's issuer (README, "Authentication"); its key stays in the data directory, so
  // the token outlives the restarts the bench causes
  private static String operatorToken(int port) throws IOException, InterruptedException {
    if (operatorToken == null) {
      HttpResponse<String> token =
          HTTP.send(
              HttpRequest.newBuilder(
                      URI.create("http://localhost:" + port + "/local/token?role=operator"))
                  .header("Accept", "text/plain")
                  .POST(HttpRequest.BodyPublishers.noBody())
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (token.statusCode() != 200) {
        throw new IllegalStateException(
            "Expected a token from /local/token, but got " + token.statusCode());
      }
      operatorToken = token.body();
    }
    return operatorToken;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
