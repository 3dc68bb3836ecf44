package io.orderhub.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Order intake under load: starts the all-in-one application jar once per mode on fresh data —
 * {@code orderhub.intake.mode=kafka} (in-process KRaft broker) and its peer, the synchronous path
 * ({@code sync}) — and drives {@code POST /api/orders} with N concurrent clients in a closed loop.
 * Per mode: acknowledged intakes/s (202 in kafka mode, 201 in sync mode), p50/p99/p99.9 of the
 * acknowledgement, refusals by status; in kafka mode also the backlog at the end of the load and
 * the rate at which the consumer group drains it into PostgreSQL (orders persisted/s, read from
 * {@code GET /api/orders}'s total). Ratios kafka ÷ sync are of the same run.
 *
 * <pre>
 * java -cp bench/target/bench.jar io.orderhub.bench.IntakeBench \
 *     [--app-jar app/target/app.jar] [--clients 32] [--warmup 10s] [--duration 30s] \
 *     [--modes kafka,sync] [--results-dir bench/results]
 * </pre>
 */
public final class IntakeBench {

  private static final ObjectMapper JSON = new ObjectMapper();
  // generous: on the shared, loaded build machine the application took more than 10 minutes
  private static final Duration STARTUP = Duration.ofMinutes(25);
  private static final Duration DRAIN_LIMIT = Duration.ofMinutes(10);

  private final Path appJar;
  private final int clients;
  private final Duration warmup;
  private final Duration duration;
  private final List<String> modes;
  private final Path resultsDir;
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .executor(Executors.newVirtualThreadPerTaskExecutor())
          .build();

  private IntakeBench(
      Path appJar,
      int clients,
      Duration warmup,
      Duration duration,
      List<String> modes,
      Path resultsDir) {
    this.appJar = appJar;
    this.clients = clients;
    this.warmup = warmup;
    this.duration = duration;
    this.modes = modes;
    this.resultsDir = resultsDir;
  }

  public static void main(String[] args) throws Exception {
    Path jar = Path.of("app/target/app.jar");
    int clients = 32;
    Duration warmup = Duration.ofSeconds(10);
    Duration duration = Duration.ofSeconds(30);
    List<String> modes = List.of("kafka", "sync");
    Path results = Path.of("bench/results");
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--app-jar" -> jar = Path.of(args[++i]);
        case "--clients" -> clients = Integer.parseInt(args[++i]);
        case "--warmup" -> warmup = seconds(args[++i]);
        case "--duration" -> duration = seconds(args[++i]);
        case "--modes" -> modes = Arrays.asList(args[++i].split(","));
        case "--results-dir" -> results = Path.of(args[++i]);
        default -> throw new IllegalArgumentException("Unknown option " + args[i]);
      }
    }
    new IntakeBench(jar, clients, warmup, duration, modes, results).run(String.join(" ", args));
  }

  private static Duration seconds(String value) {
    return Duration.ofSeconds(Long.parseLong(value.replace("s", "")));
  }

  record Result(
      String mode,
      long acknowledged,
      double perSecond,
      double p50Ms,
      double p99Ms,
      double p999Ms,
      Map<Integer, Long> refused,
      long backlogAtEnd,
      double drainPerSecond,
      double persistedDuringLoadPerSecond,
      String loadBefore,
      String loadAfter) {}

  private void run(String args) throws Exception {
    List<Result> results = new ArrayList<>();
    for (String mode : modes) {
      results.add(measure(mode));
    }
    String report = report(results, args);
    System.out.println(report);
    Files.createDirectories(resultsDir);
    Path file = resultsDir.resolve(LocalDate.now() + "-kafka-intake.md");
    Files.writeString(file, report);
    System.out.println("Written to " + file);
  }

  private Result measure(String mode) throws Exception {
    Path data = Files.createTempDirectory("orderhub-intake-bench-" + mode);
    Map<String, Integer> ports = new HashMap<>();
    for (String name :
        List.of(
            "http",
            "grpc",
            "engine-grpc",
            "engine-rest",
            "engine-monitoring",
            "postgres",
            "kafka",
            "kafka-controller")) {
      ports.put(name, freePort());
    }
    Process app = start(mode, data, ports);
    int port = ports.get("http");
    try {
      awaitReady(port);
      String loadBefore = loadAverage();
      AtomicLong warmedUp = new AtomicLong();
      load(port, warmup, new long[0], warmedUp, new ConcurrentHashMap<>());
      long persistedBefore = persisted(port);
      long[] latencies = new long[50_000_000 / 8];
      AtomicLong acknowledged = new AtomicLong();
      Map<Integer, Long> refused = new ConcurrentHashMap<>();
      long started = System.nanoTime();
      int recorded = load(port, duration, latencies, acknowledged, refused);
      long ended = System.nanoTime();
      double seconds = (ended - started) / 1e9;
      long persistedAtEnd = persisted(port);
      long total = warmedUp.get() + acknowledged.get();
      long backlog = Math.max(0, total - persistedAtEnd);
      double drain = 0;
      if ("kafka".equals(mode) && backlog > 0) {
        long drainStart = System.nanoTime();
        long deadline = drainStart + DRAIN_LIMIT.toNanos();
        long now = persistedAtEnd;
        while (now < total && System.nanoTime() < deadline) {
          Thread.sleep(250); // the harness's poll interval
          now = persisted(port);
        }
        drain = (now - persistedAtEnd) / ((System.nanoTime() - drainStart) / 1e9);
      }
      long[] sorted = Arrays.copyOf(latencies, recorded);
      Arrays.sort(sorted);
      return new Result(
          mode,
          acknowledged.get(),
          acknowledged.get() / seconds,
          percentile(sorted, 0.50),
          percentile(sorted, 0.99),
          percentile(sorted, 0.999),
          new HashMap<>(refused),
          backlog,
          drain,
          (persistedAtEnd - persistedBefore) / seconds,
          loadBefore,
          loadAverage());
    } finally {
      app.destroy();
      app.waitFor();
    }
  }

  /** Closed loop: each client posts its next order as soon as the last one was answered. */
  private int load(
      int port,
      Duration length,
      long[] latencies,
      AtomicLong acknowledged,
      Map<Integer, Long> refused)
      throws Exception {
    AtomicBoolean running = new AtomicBoolean(true);
    AtomicLong slot = new AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    List<Future<?>> futures = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      futures.add(
          pool.submit(
              () -> {
                while (running.get()) {
                  long begin = System.nanoTime();
                  int status = place(port);
                  long took = System.nanoTime() - begin;
                  if (status == 201 || status == 202) {
                    acknowledged.incrementAndGet();
                    long i = slot.getAndIncrement();
                    if (i < latencies.length) {
                      latencies[(int) i] = took;
                    }
                  } else {
                    refused.merge(status, 1L, Long::sum);
                  }
                }
                return null;
              }));
    }
    Thread.sleep(length.toMillis());
    running.set(false);
    for (Future<?> f : futures) {
      f.get();
    }
    pool.shutdown();
    return (int) Math.min(slot.get(), latencies.length);
  }

  private int place(int port) {
    String customer = "bench-" + UUID.randomUUID();
    String body =
        """
        {"customerId":"%s","lines":[{"sku":"SKU-1001","quantity":1,"unitPrice":12.50,\
        "currency":"EUR"}],"shippingAddress":{"recipient":"Ada Lovelace",\
        "street":"1 Analytical Street","city":"London","postalCode":"N1 9GU","countryCode":"GB"}}
        """
            .formatted(customer);
    try {
      return http.send(
              HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/orders"))
                  .timeout(Duration.ofSeconds(30))
                  .header("Content-Type", "application/json")
                  .header("Idempotency-Key", UUID.randomUUID().toString())
                  .POST(HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  private long persisted(int port) throws Exception {
    HttpResponse<String> page =
        http.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/orders?size=1"))
                .timeout(Duration.ofSeconds(60))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    JsonNode json = JSON.readTree(page.body());
    return json.path("totalElements").asLong();
  }

  private Process start(String mode, Path data, Map<String, Integer> ports) throws IOException {
    return new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-jar",
            appJar.toAbsolutePath().toString(),
            "--orderhub.intake.mode=" + mode,
            "--server.port=" + ports.get("http"),
            "--orderhub.grpc.port=" + ports.get("grpc"),
            "--orderhub.engine.grpc-port=" + ports.get("engine-grpc"),
            "--orderhub.engine.rest-port=" + ports.get("engine-rest"),
            "--orderhub.engine.monitoring-port=" + ports.get("engine-monitoring"),
            "--orderhub.postgres.port=" + ports.get("postgres"),
            "--orderhub.intake.broker.port=" + ports.get("kafka"),
            "--orderhub.intake.broker.controller-port=" + ports.get("kafka-controller"),
            "--orderhub.engine.data-dir=" + data.resolve("engine"),
            "--orderhub.postgres.data-dir=" + data.resolve("postgres"),
            "--orderhub.intake.broker.data-dir=" + data.resolve("kafka"),
            "--logging.level.root=WARN")
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(data.resolve("app.log").toFile()))
        .start();
  }

  private void awaitReady(int port) throws InterruptedException {
    long deadline = System.nanoTime() + STARTUP.toNanos();
    while (System.nanoTime() < deadline) {
      try {
        HttpResponse<Void> r =
            http.send(
                HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/actuator/health/readiness"))
                    .timeout(Duration.ofSeconds(5))
                    .build(),
                HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not up yet
      }
      Thread.sleep(500); // the harness's poll interval
    }
    throw new IllegalStateException("The application did not get ready within " + STARTUP);
  }

  private static double percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int i = (int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1);
    return sorted[Math.max(0, i)] / 1e6;
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (IOException e) {
      return String.format(
          Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
  }

  private String report(List<Result> results, String args) {
    StringBuilder md = new StringBuilder();
    md.append("# Order intake: kafka mode vs the synchronous path\n\n");
    md.append("Command: `java -cp bench/target/bench.jar io.orderhub.bench.IntakeBench ")
        .append(args)
        .append("`  \n");
    md.append("Clients: ")
        .append(clients)
        .append(" (closed loop), warm-up ")
        .append(warmup.toSeconds())
        .append(" s, measured ")
        .append(duration.toSeconds())
        .append(" s per mode; CPUs: ")
        .append(Runtime.getRuntime().availableProcessors())
        .append("\n\n");
    md.append(
        "| mode | acknowledged | ack/s | p50 ms | p99 ms | p99.9 ms | refused | persisted/s during"
            + " load | backlog at end | drain/s | /proc/loadavg before → after |\n");
    md.append("|---|---|---|---|---|---|---|---|---|---|---|\n");
    for (Result r : results) {
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %d | %.0f | %.1f | %.1f | %.1f | %s | %.0f | %d | %s | %s → %s |%n",
              r.mode(),
              r.acknowledged(),
              r.perSecond(),
              r.p50Ms(),
              r.p99Ms(),
              r.p999Ms(),
              r.refused().isEmpty() ? "0" : r.refused().toString(),
              r.persistedDuringLoadPerSecond(),
              r.backlogAtEnd(),
              r.mode().equals("kafka")
                  ? String.format(Locale.ROOT, "%.0f", r.drainPerSecond())
                  : "-",
              r.loadBefore(),
              r.loadAfter()));
    }
    Result kafka = results.stream().filter(r -> r.mode().equals("kafka")).findFirst().orElse(null);
    Result sync = results.stream().filter(r -> r.mode().equals("sync")).findFirst().orElse(null);
    if (kafka != null && sync != null && sync.perSecond() > 0) {
      md.append(
          String.format(
              Locale.ROOT,
              "%nRatios of the same run: acknowledged/s kafka ÷ sync = %.2f; p99 kafka ÷ sync ="
                  + " %.2f; drain/s (kafka) ÷ sync placements/s = %.2f%n",
              kafka.perSecond() / sync.perSecond(),
              kafka.p99Ms() / sync.p99Ms(),
              kafka.drainPerSecond() / sync.perSecond()));
    }
    return md.toString();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    }
  }
}
