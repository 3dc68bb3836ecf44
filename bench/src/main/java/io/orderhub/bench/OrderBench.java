package io.orderhub.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Order bench: the all-in-one application jar (as a child process, as a new user runs it) driven
 * over REST and gRPC — by N concurrent clients (closed loop) and at fixed arrival rates (open loop)
 * — reporting creates/s, the create latency (p50/p99/p999), how many orders reach DISPATCHED per
 * second and how long they take to get there; and, in the same run, its peers: the bare engine's
 * PI/s for a process with the same five jobs as an order's way to DISPATCHED ({@link EngineBench}'s
 * saga, as many instances in flight as clients) and the disk's raw fsync rate. Writes {@code
 * <results-dir>/<date>-order-bench.md}. Not a test.
 *
 * <pre>
 * ./mvnw -B -q -DskipTests -Dquick -pl app,bench -am package
 * java -cp bench/target/bench.jar io.orderhub.bench.OrderBench --clients 32 --rates 100,300
 * </pre>
 */
public final class OrderBench {

  private OrderBench() {}

  public static void main(String[] args) throws Exception {
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    OrderBenchOptions options = OrderBenchOptions.parse(args);
    Path dir =
        options.dataDir() != null
            ? Files.createDirectories(options.dataDir())
            : Files.createTempDirectory("orderhub-order-bench");
    String command =
        "java -cp bench/target/bench.jar io.orderhub.bench.OrderBench "
            + String.join(" ", args).replaceAll("--token \\S+", "--token ***");
    try {
      run(options, dir, command);
    } finally {
      if (options.dataDir() == null) {
        deleteRecursively(dir);
      }
    }
  }

  private static void run(OrderBenchOptions options, Path dir, String command) throws Exception {
    progress("data under %s; probing the raw fsync rate", dir);
    double fsyncBefore = EngineBench.rawFsyncRate(dir, options.fsyncProbe());
    List<RunFigures> runs = new ArrayList<>();
    Path appData = Files.createDirectories(dir.resolve("app"));
    List<String> jvmArgs = new ArrayList<>(options.appJvmArgs());
    if (options.jfr() != null) {
      jvmArgs.add(
          "-XX:StartFlightRecording=filename="
              + options.jfr().toAbsolutePath()
              + ",settings=profile,dumponexit=true");
    }
    progress("starting %s", options.appJar());
    long starting = System.nanoTime();
    try (AppProcess app =
        AppProcess.start(options.appJar(), appData, jvmArgs, options.appArgs(), options.token())) {
      app.awaitReady(Duration.ofMinutes(10));
      progress("ready after %.1f s", (System.nanoTime() - starting) / 1e9);
      app.stockUp(options.stock());
      try (DispatchLog history = new DispatchLog(app.jdbcUrl())) {
        for (String transport : options.transports()) {
          try (OrderApi api =
              transport.equals("grpc")
                  ? new GrpcOrderApi(app.grpcPort, options.token())
                  : new RestOrderApi(app.httpPort, options.token())) {
            if (options.clients() > 0) {
              progress("%s closed loop, %d clients", api.name(), options.clients());
              LoadRun.Result result =
                  new LoadRun(api, options.warmup(), options.duration())
                      .closedLoop(options.clients());
              runs.add(settle(result, history, options.drain()));
            }
            for (int rate : options.rates()) {
              progress("%s open loop, %d/s", api.name(), rate);
              LoadRun.Result result =
                  new LoadRun(api, options.warmup(), options.duration())
                      .openLoop(rate, options.maxOutstanding());
              runs.add(settle(result, history, options.drain()));
            }
          }
        }
      }
    }
    List<EngineBench.Throughput> peers = new ArrayList<>();
    if (options.peer()) {
      EngineBench.Options peerOptions =
          new EngineBench.Options(
              options.warmup(),
              options.duration(),
              Math.max(1, options.clients()),
              0,
              0,
              1,
              options.fsyncProbe(),
              dir,
              options.resultsDir());
      for (boolean rest : new boolean[] {true, false}) {
        progress("bare engine peer, %s", rest ? "REST polling" : "gRPC streaming");
        peers.add(
            EngineBench.sagaPeer(peerOptions, dir.resolve(rest ? "peer-rest" : "peer-grpc"), rest));
      }
    }
    progress("probing the raw fsync rate again");
    double fsyncAfter = EngineBench.rawFsyncRate(dir, options.fsyncProbe());
    String report = OrderReport.markdown(options, command, runs, peers, fsyncBefore, fsyncAfter);
    System.out.println(report);
    Files.createDirectories(options.resultsDir());
    Path file =
        options.resultsDir().resolve(LocalDate.now() + "-order-bench" + options.label() + ".md");
    Files.writeString(file, report);
    progress("written to %s", file);
  }

  /** A run's figures, the DISPATCHED ones read from the order history once its orders settled. */
  record RunFigures(
      LoadRun.Result run,
      double dispatchedPerSecond,
      EngineBench.Samples toDispatched,
      long notDispatched,
      Map<String, Long> states) {}

  private static RunFigures settle(LoadRun.Result run, DispatchLog history, Duration drain)
      throws Exception {
    long deadline = System.nanoTime() + drain.toNanos();
    long settled;
    while ((settled = history.settled(run.allOrders())) < run.allOrders().size()
        && System.nanoTime() < deadline) {
      Thread.sleep(500); // a poll interval of the harness
    }
    if (settled < run.allOrders().size()) {
      progress("  %d orders not yet settled after %s", run.allOrders().size() - settled, drain);
    }
    double perSecond =
        history.dispatchedBetween(run.windowStart(), run.windowEnd()) / run.seconds();
    Map<String, Instant> dispatched = history.dispatchedAt(run.measuredOrders().keySet());
    EngineBench.Samples toDispatched = new EngineBench.Samples();
    run.measuredOrders()
        .forEach(
            (id, due) -> {
              Instant at = dispatched.get(id);
              if (at != null) {
                toDispatched.add(Duration.between(due, at).toNanos());
              }
            });
    RunFigures figures =
        new RunFigures(
            run,
            perSecond,
            toDispatched,
            run.measuredOrders().size() - dispatched.size(),
            history.latestStates(run.measuredOrders().keySet()));
    progress(
        "  %.0f creates/s, p99 %.0f ms, %.0f DISPATCHED/s, %d errors, load %s",
        run.createsPerSecond(),
        run.createLatency().quantileMillis(0.99),
        perSecond,
        run.errors(),
        run.loadAfter());
    return figures;
  }

  static void progress(String format, Object... args) {
    System.err.println("[order-bench] " + String.format(Locale.ROOT, format, args));
  }

  private static void deleteRecursively(Path dir) throws java.io.IOException {
    try (var files = Files.walk(dir)) {
      for (Path file :
          (Iterable<Path>) files.sorted(java.util.Comparator.reverseOrder())::iterator) {
        Files.deleteIfExists(file);
      }
    }
  }
}
