package io.orderhub.bench;

import io.camunda.client.CamundaClient;
import io.orderhub.engine.Engine;
import io.orderhub.engine.EngineConfig;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.operaton.bpm.engine.ExternalTaskService;
import org.operaton.bpm.engine.ProcessEngine;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.externaltask.LockedExternalTask;
import org.operaton.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.operaton.bpm.model.bpmn.Bpmn;

/**
 * Side by side with Operaton 1.0.3 (Apache-2.0), for a one-task process: completed instances per
 * second of our engine over gRPC (streaming job worker) and over REST (polling job worker) with the
 * official client, and of Operaton embedded on a real PostgreSQL with its external tasks ({@code
 * fetchAndLock} + {@code complete}). The peers run one after the other, round after round, in the
 * same JVM on the same disk, so the machine's load drifts over all of them alike; the ratios of
 * each round are what to compare.
 *
 * <p>Same durability on both sides: our engine acknowledges after its journal's fsync (group
 * commit); PostgreSQL runs with {@code fsync=on}, {@code synchronous_commit=on} and {@code
 * full_page_writes=on} (the embedded launcher's defaults switched back, as the app's launcher
 * does), so Operaton's commit returns after the WAL flush. Operaton keeps full history.
 *
 * <p>Operaton is driven through its Java API in the same JVM — no HTTP in between, which favours
 * it: our engine's figures include the client, HTTP/2 or HTTP/1.1 and JSON/protobuf on both ends.
 */
public final class OperatonSideBySideBench {

  private static final String OPERATON_PROCESS = "operaton-1-task";
  private static final String TOPIC = "bench";

  private final Options options;

  private OperatonSideBySideBench(Options options) {
    this.options = options;
  }

  public static void main(String[] args) throws Exception {
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    Options options = Options.parse(args);
    Path dir = Files.createTempDirectory("orderhub-vs-operaton");
    try {
      String report = new OperatonSideBySideBench(options).run(dir, String.join(" ", args));
      System.out.println(report);
      Files.createDirectories(options.resultsDir());
      Path file = options.resultsDir().resolve(LocalDate.now() + "-engine-vs-operaton.md");
      Files.writeString(file, report);
      System.out.println("Written to " + file);
    } finally {
      deleteRecursively(dir);
    }
  }

  private String run(Path dir, String arguments) throws Exception {
    List<Map<String, Run>> rounds = new ArrayList<>();
    try (EmbeddedPostgres postgres = startPostgres(dir.resolve("postgres"));
        Engine engine =
            Engine.start(EngineConfig.defaults(dir.resolve("engine")).withPorts(0, 0))) {
      ProcessEngine operaton = startOperaton(postgres);
      try {
        deployOperatonProcess(operaton);
        EngineBench ours =
            new EngineBench(
                new EngineBench.Options(
                    options.warmup(),
                    options.duration(),
                    options.inflight(),
                    0,
                    0,
                    1,
                    Duration.ZERO,
                    dir,
                    options.resultsDir()),
                engine);
        deployOurProcesses(engine);
        for (int round = 1; round <= options.rounds(); round++) {
          Map<String, Run> results = new LinkedHashMap<>();
          for (String system : options.systems()) {
            progress("round %d of %d: %s", round, options.rounds(), system);
            String load = loadAverage();
            double perSecond =
                switch (system) {
                  case "operaton" -> operatonThroughput(operaton);
                  case "grpc" -> ours(ours, false);
                  case "rest" -> ours(ours, true);
                  default -> throw new IllegalArgumentException("unknown system " + system);
                };
            results.put(system, new Run(perSecond, load + " → " + loadAverage()));
            progress("  %.0f PI/s", perSecond);
          }
          rounds.add(results);
        }
      } finally {
        operaton.close();
      }
    }
    return report(rounds, arguments);
  }

  private static double ours(EngineBench bench, boolean rest) throws InterruptedException {
    EngineBench.Throughput result =
        bench.throughput(EngineBench.throughputProcess(1, rest), "1 task", 1, rest);
    if (result.failures() > 0) {
      progress("  warning: %d failed requests", result.failures());
    }
    return result.instancesPerSecond();
  }

  /** Only the one-task processes, with a deadline a loaded machine can meet. */
  private static void deployOurProcesses(Engine engine) {
    try (CamundaClient client =
        CamundaClient.newClientBuilder()
            .applyEnvironmentVariableOverrides(false)
            .restAddress(URI.create("http://localhost:" + engine.restPort()))
            .grpcAddress(URI.create("http://localhost:" + engine.grpcPort()))
            .defaultRequestTimeout(Duration.ofMinutes(5))
            .build()) {
      client
          .newDeployResourceCommand()
          .addProcessModel(
              EngineBench.tasks(EngineBench.throughputProcess(1, false), 1), "grpc.bpmn")
          .addProcessModel(
              EngineBench.tasks(EngineBench.throughputProcess(1, true), 1), "rest.bpmn")
          .send()
          .join();
    }
  }

  // ---- Operaton

  /** Durable as the app's embedded PostgreSQL: every commit's WAL is flushed before it returns. */
  private static EmbeddedPostgres startPostgres(Path dataDir) throws IOException {
    Files.createDirectories(dataDir);
    return EmbeddedPostgres.builder()
        .setDataDirectory(dataDir)
        .setCleanDataDirectory(true)
        // later settings win over the launcher's -F and synchronous_commit=off
        .setServerConfig("fsync", "on")
        .setServerConfig("synchronous_commit", "on")
        .setServerConfig("full_page_writes", "on")
        .setServerConfig("max_connections", "100")
        .start();
  }

  private ProcessEngine startOperaton(EmbeddedPostgres postgres) {
    StandaloneProcessEngineConfiguration config = new StandaloneProcessEngineConfiguration();
    config
        .setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"))
        .setJdbcUsername("postgres")
        .setJdbcPassword("postgres")
        .setJdbcDriver("org.postgresql.Driver")
        .setJdbcMaxActiveConnections(options.starters() + options.workers() + 2)
        .setDatabaseSchemaUpdate("true")
        .setHistory("full")
        .setJobExecutorActivate(false);
    // its Scala FEEL needs another feel-engine version than ours on the classpath: the one-task
    // process evaluates no FEEL, so its DMN engine gets the JUEL-based one and the clash is moot
    config.setDmnFeelEnableLegacyBehavior(true);
    config.setDmnEnabled(false);
    config.setCmmnEnabled(false);
    return config.buildProcessEngine();
  }

  private static void deployOperatonProcess(ProcessEngine operaton) {
    operaton
        .getRepositoryService()
        .createDeployment()
        .addModelInstance(
            "operaton-1-task.bpmn",
            Bpmn.createExecutableProcess(OPERATON_PROCESS)
                .operatonHistoryTimeToLive(1)
                .startEvent()
                .serviceTask("task-1")
                .operatonExternalTask(TOPIC)
                .endEvent()
                .done())
        .deploy();
  }

  /**
   * The same closed loop as our engine's: {@code --inflight} instances running; an instance's slot
   * is freed when its task's completion (which ends the instance) has committed.
   */
  private double operatonThroughput(ProcessEngine operaton) throws InterruptedException {
    RuntimeService runtime = operaton.getRuntimeService();
    ExternalTaskService tasks = operaton.getExternalTaskService();
    Semaphore inflight = new Semaphore(options.inflight());
    AtomicLong completed = new AtomicLong();
    AtomicLong failures = new AtomicLong();
    long started = System.nanoTime();
    long measureFrom = started + options.warmup().toNanos();
    long end = measureFrom + options.duration().toNanos();
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < options.starters(); i++) {
      threads.add(
          Thread.ofPlatform()
              .name("operaton-starter-" + i)
              .start(
                  () -> {
                    while (System.nanoTime() < end) {
                      try {
                        if (!inflight.tryAcquire(50, TimeUnit.MILLISECONDS)) {
                          continue;
                        }
                      } catch (InterruptedException e) {
                        return;
                      }
                      try {
                        runtime.startProcessInstanceByKey(OPERATON_PROCESS);
                      } catch (RuntimeException e) {
                        failures.incrementAndGet();
                        inflight.release();
                      }
                    }
                  }));
    }
    for (int i = 0; i < options.workers(); i++) {
      String workerId = "worker-" + i;
      threads.add(
          Thread.ofPlatform()
              .name("operaton-" + workerId)
              .start(
                  () -> {
                    // until the instances started before the end are done: the loop drains
                    while (System.nanoTime() < end
                        || inflight.availablePermits() < options.inflight()) {
                      List<LockedExternalTask> locked;
                      try {
                        locked =
                            tasks
                                .fetchAndLock(options.maxTasks(), workerId)
                                .topic(TOPIC, 300_000L)
                                .execute();
                      } catch (RuntimeException e) {
                        failures.incrementAndGet();
                        continue;
                      }
                      if (locked.isEmpty()) {
                        // the Java API has no long polling: a short pause instead of spinning
                        sleepQuietly(2);
                        if (System.nanoTime() > end + TimeUnit.SECONDS.toNanos(60)) {
                          return;
                        }
                        continue;
                      }
                      for (LockedExternalTask task : locked) {
                        try {
                          tasks.complete(task.getId(), workerId);
                          if (System.nanoTime() >= measureFrom && System.nanoTime() < end) {
                            completed.incrementAndGet();
                          }
                          inflight.release();
                        } catch (RuntimeException e) {
                          failures.incrementAndGet();
                        }
                      }
                    }
                  }));
    }
    for (Thread thread : threads) {
      thread.join();
    }
    if (failures.get() > 0) {
      progress("  warning: %d Operaton calls failed", failures.get());
    }
    return completed.get() / (options.duration().toNanos() / 1e9);
  }

  // ---- report

  private record Run(double perSecond, String load) {}

  private String report(List<Map<String, Run>> rounds, String arguments) {
    StringBuilder md = new StringBuilder();
    md.append("# Engine vs Operaton 1.0.3: one-task process, completed instances/s\n\n")
        .append("Measured ")
        .append(OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS))
        .append(" with `java -cp bench/target/bench.jar io.orderhub.bench.OperatonSideBySideBench ")
        .append(arguments)
        .append("` on ")
        .append(Runtime.getRuntime().availableProcessors())
        .append(" cores (load average before → after each run in the table).\n\n")
        .append("- **ours, gRPC**: official client 8.9 `preferRestOverGrpc(false)`, job worker ")
        .append(
            "`streamEnabled(true)`; **ours, REST**: `preferRestOverGrpc(true)`, polling worker. ")
        .append("Durable: acknowledged after the journal's fsync (group commit).\n")
        .append("- **Operaton**: embedded (Java API, same JVM), PostgreSQL 18 (embedded binaries) ")
        .append("with `fsync=on`, `synchronous_commit=on`, `full_page_writes=on`, history level ")
        .append("full; ")
        .append(options.starters())
        .append(" threads start instances, ")
        .append(options.workers())
        .append(" threads `fetchAndLock` up to ")
        .append(options.maxTasks())
        .append(" external tasks each and `complete` them one by one.\n")
        .append("- Closed loop with ")
        .append(options.inflight())
        .append(" instances in flight for every system; ")
        .append(options.warmup().toSeconds())
        .append(" s warm-up and ")
        .append(options.duration().toSeconds())
        .append(" s measured per run; the systems take turns, round after round.\n\n");
    md.append("| round | system | PI/s | ratio to Operaton | load average |\n")
        .append("|---:|---|---:|---:|---|\n");
    Map<String, List<Double>> ratios = new LinkedHashMap<>();
    for (int r = 0; r < rounds.size(); r++) {
      Map<String, Run> round = rounds.get(r);
      Run operaton = round.get("operaton");
      for (Map.Entry<String, Run> entry : round.entrySet()) {
        String ratio = "";
        if (operaton != null && !entry.getKey().equals("operaton")) {
          double value = entry.getValue().perSecond() / operaton.perSecond();
          ratios.computeIfAbsent(entry.getKey(), k -> new ArrayList<>()).add(value);
          ratio = fmt("%.1f×", value);
        }
        md.append(
            fmt(
                "| %d | %s | %,.0f | %s | %s |\n",
                r + 1,
                label(entry.getKey()),
                entry.getValue().perSecond(),
                ratio,
                entry.getValue().load()));
      }
    }
    if (!ratios.isEmpty()) {
      md.append("\n| system | median ratio to Operaton (same round) | min | max |\n")
          .append("|---|---:|---:|---:|\n");
      ratios.forEach(
          (system, values) -> {
            double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            md.append(
                fmt(
                    "| %s | %.1f× | %.1f× | %.1f× |\n",
                    label(system),
                    sorted[sorted.length / 2],
                    sorted[0],
                    sorted[sorted.length - 1]));
          });
    }
    return md.toString();
  }

  private static String label(String system) {
    return switch (system) {
      case "grpc" -> "ours, gRPC streaming";
      case "rest" -> "ours, REST polling";
      default -> "Operaton, external tasks";
    };
  }

  private static String loadAverage() {
    try {
      String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return fields[0];
    } catch (IOException e) {
      return "?";
    }
  }

  private static String fmt(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }

  private static void progress(String format, Object... args) {
    System.err.println("[vs-operaton] " + fmt(format, args));
  }

  private static void sleepQuietly(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void deleteRecursively(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
        Files.deleteIfExists(file);
      }
    }
  }

  /** {@code --name value}; durations as {@code 15s}. */
  record Options(
      int rounds,
      Duration warmup,
      Duration duration,
      int inflight,
      int starters,
      int workers,
      int maxTasks,
      List<String> systems,
      Path resultsDir) {

    static final String USAGE =
        """
        usage: OperatonSideBySideBench [--rounds 3] [--warmup 5s] [--duration 15s] [--inflight 64]
               [--operaton-starters 8] [--operaton-workers 4] [--operaton-max-tasks 32]
               [--systems operaton,grpc,rest] [--results-dir bench/results]
        """;

    static Options parse(String[] args) {
      Map<String, String> values = new LinkedHashMap<>();
      for (int i = 0; i < args.length; i++) {
        if (args[i].equals("--help") || i + 1 >= args.length || !USAGE.contains(args[i] + " ")) {
          System.err.print(USAGE);
          System.exit(args[i].equals("--help") ? 0 : 2);
        }
        values.put(args[i], args[++i]);
      }
      return new Options(
          Integer.parseInt(values.getOrDefault("--rounds", "3")),
          seconds(values.getOrDefault("--warmup", "5s")),
          seconds(values.getOrDefault("--duration", "15s")),
          Integer.parseInt(values.getOrDefault("--inflight", "64")),
          Integer.parseInt(values.getOrDefault("--operaton-starters", "8")),
          Integer.parseInt(values.getOrDefault("--operaton-workers", "4")),
          Integer.parseInt(values.getOrDefault("--operaton-max-tasks", "32")),
          Arrays.asList(values.getOrDefault("--systems", "operaton,grpc,rest").split(",")),
          Path.of(values.getOrDefault("--results-dir", "bench/results")));
    }

    private static Duration seconds(String text) {
      return Duration.ofSeconds(Long.parseLong(text.replaceAll("s$", "")));
    }
  }
}
