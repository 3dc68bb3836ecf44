package io.orderhub.bench;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.worker.JobWorker;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.builder.AbstractFlowNodeBuilder;
import io.orderhub.engine.Engine;
import io.orderhub.engine.EngineConfig;
import io.orderhub.engine.model.BpmnElementType;
import io.orderhub.engine.processing.EngineProcessor;
import io.orderhub.engine.record.EngineEvent;
import io.orderhub.engine.record.EventBatch;
import io.orderhub.engine.security.EngineCredentials;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import java.util.stream.Stream;

/**
 * Load harness: an embedded, durable engine (real fsync, temporary data directory) driven through
 * the official Camunda client over gRPC and REST. Prints a Markdown report and writes it to {@code
 * <results-dir>/<date>.md}. Not a test: run it with {@code bench/run.sh}.
 *
 * <p>What it measures, in order:
 *
 * <ol>
 *   <li>the disk's raw fsync rate: 128-byte writes, each followed by {@code FileChannel.force}, in
 *       the data directory — the yardstick the engine's group commit is compared with;
 *   <li>create-instance acknowledgement latency, one request at a time (an fsync round trip);
 *   <li>completed process instances per second for a one-task and a ten-task process, with a closed
 *       loop of {@code --inflight} instances and job workers completing every job: over gRPC with
 *       job streaming, and over REST with (long) polling; with the create latency under that load
 *       and the engine's fsyncs per completed instance;
 *   <li>job activation latency, from the job's creation being durable to the worker's handler being
 *       invoked, pushed (streamEnabled=true) against long polling (streamEnabled=false), both over
 *       gRPC, with jobs arriving at a fixed rate;
 *   <li>the raw fsync rate again, to show drift between the start and the end of the run.
 * </ol>
 */
public final class EngineBench {

  private final Options options;
  private final Engine engine;
  private final Tracker tracker = new Tracker();

  EngineBench(Options options, Engine engine) {
    this.options = options;
    this.engine = engine;
    engine.addListener(tracker);
  }

  public static void main(String[] args) throws Exception {
    // the engine logs every start and snapshot at INFO; a report is all that should be printed
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    Options options = Options.parse(args);
    boolean tempDir = options.dataDir() == null;
    Path dir = tempDir ? Files.createTempDirectory("orderhub-bench") : options.dataDir();
    Files.createDirectories(dir);
    try {
      String report = run(options, dir);
      System.out.println(report);
      Files.createDirectories(options.resultsDir());
      Path file = options.resultsDir().resolve(LocalDate.now() + ".md");
      Files.writeString(file, report);
      System.out.println("Written to " + file);
    } finally {
      if (tempDir) {
        deleteRecursively(dir);
      }
    }
  }

  private static String run(Options options, Path dir) throws Exception {
    progress("probing raw fsync rate for %s", options.fsyncProbe());
    double fsyncBefore = rawFsyncRate(dir, options.fsyncProbe());
    List<Throughput> throughputs = new ArrayList<>();
    List<Latency> creates = new ArrayList<>();
    List<Latency> activations = new ArrayList<>();
    try (Engine engine =
        Engine.start(
            EngineConfig.defaults(dir.resolve("engine"))
                .withPorts(0, 0)
                .withSecurity(EngineCredentials.TEST_ADMIN.asAdmin()))) {
      EngineBench bench = new EngineBench(options, engine);
      bench.deployAll();
      for (boolean rest : new boolean[] {true, false}) {
        creates.add(bench.sequentialCreates(rest));
      }
      for (boolean rest : new boolean[] {false, true}) {
        for (int tasks : new int[] {1, 10}) {
          throughputs.add(
              bench.throughput(
                  throughputProcess(tasks, rest),
                  tasks + " task" + (tasks == 1 ? "" : "s"),
                  tasks,
                  rest));
        }
        throughputs.add(
            bench.throughput(
                sagaProcess(rest),
                "saga: 5 tasks with compensation, message, timer",
                SAGA_TASKS,
                rest));
      }
      for (boolean stream : new boolean[] {true, false}) {
        activations.add(bench.activationLatency(stream));
      }
    }
    progress("probing raw fsync rate again");
    double fsyncAfter = rawFsyncRate(dir, options.fsyncProbe());
    return Report.markdown(
        options, dir, fsyncBefore, fsyncAfter, creates, throughputs, activations);
  }

  /**
   * The saga throughput run alone, on a fresh engine in {@code dir}: the bare-engine peer of {@link
   * OrderBench} (five jobs per instance, as an order has on its way to DISPATCHED).
   */
  static Throughput sagaPeer(Options options, Path dir, boolean rest) throws Exception {
    try (Engine engine =
        Engine.start(EngineConfig.defaults(dir.resolve("engine")).withPorts(0, 0))) {
      EngineBench bench = new EngineBench(options, engine);
      bench.deployAll();
      return bench.throughput(
          sagaProcess(rest), "saga: 5 tasks with compensation, message, timer", SAGA_TASKS, rest);
    }
  }

  // ---- the processes

  static String throughputProcess(int tasks, boolean rest) {
    return "bench-" + tasks + "-task-" + (rest ? "rest" : "grpc");
  }

  private static final int SAGA_TASKS = 5;

  private static String sagaProcess(boolean rest) {
    return "bench-saga-" + (rest ? "rest" : "grpc");
  }

  /**
   * An order saga's happy path: five steps with compensation handlers (subscriptions that are
   * opened and never used), a payment message between them (published by the worker of the step
   * before it) guarded by a timeout timer that is created and cancelled every time.
   */
  private static BpmnModelInstance saga(String processId) {
    AbstractFlowNodeBuilder<?, ?> builder = Bpmn.createExecutableProcess(processId).startEvent();
    for (int i = 1; i <= SAGA_TASKS; i++) {
      String task = i == 3 ? "pay" : "step-" + i;
      builder =
          builder
              .serviceTask(task, t -> t.zeebeJobType(processId))
              .boundaryEvent(
                  "undo-" + i,
                  b ->
                      b.compensation(
                          c ->
                              c.serviceTask("undo-task-" + task).zeebeJobType(processId + "-undo")))
              .moveToActivity(task);
      if (i == 3) {
        builder =
            builder
                .eventBasedGateway("wait")
                .intermediateCatchEvent(
                    "paid",
                    e -> e.message(m -> m.name("Paid").zeebeCorrelationKeyExpression("orderId")))
                .moveToNode("wait")
                .intermediateCatchEvent("unpaid", e -> e.timerWithDuration("PT15M"))
                .endEvent("timedOut")
                .moveToNode("paid");
      }
    }
    return builder.endEvent().done();
  }

  private static String latencyProcess(boolean stream) {
    return "bench-latency-" + (stream ? "push" : "poll");
  }

  void deployAll() {
    List<BpmnModelInstance> models = new ArrayList<>();
    models.add(Bpmn.createExecutableProcess("bench-create").startEvent().endEvent().done());
    for (int tasks : new int[] {1, 10}) {
      for (boolean rest : new boolean[] {false, true}) {
        models.add(tasks(throughputProcess(tasks, rest), tasks));
      }
    }
    for (boolean stream : new boolean[] {true, false}) {
      models.add(tasks(latencyProcess(stream), 1));
    }
    for (boolean rest : new boolean[] {false, true}) {
      models.add(saga(sagaProcess(rest)));
    }
    try (CamundaClient client = client(false)) {
      var command = client.newDeployResourceCommand().addProcessModel(models.get(0), "p0.bpmn");
      for (int i = 1; i < models.size(); i++) {
        command = command.addProcessModel(models.get(i), "p" + i + ".bpmn");
      }
      command.send().join();
    }
  }

  /** A chain of service tasks, all of the process id's job type (one worker serves them all). */
  static BpmnModelInstance tasks(String processId, int count) {
    AbstractFlowNodeBuilder<?, ?> builder = Bpmn.createExecutableProcess(processId).startEvent();
    for (int i = 1; i <= count; i++) {
      builder = builder.serviceTask("task-" + i, t -> t.zeebeJobType(processId));
    }
    return builder.endEvent().done();
  }

  // ---- create acknowledgement, one at a time

  private Latency sequentialCreates(boolean rest) {
    progress("create acknowledgement one at a time over %s", rest ? "REST" : "gRPC");
    Samples samples = new Samples();
    try (CamundaClient client = client(rest)) {
      for (int i = 0; i < options.createSamples() + options.createSamples() / 5; i++) {
        long sent = System.nanoTime();
        create(client, "bench-create").join();
        if (i >= options.createSamples() / 5) { // the first fifth warms up
          samples.add(System.nanoTime() - sent);
        }
      }
    }
    return new Latency(rest ? "REST" : "gRPC", samples);
  }

  // ---- throughput

  Throughput throughput(String processId, String label, int jobsPerInstance, boolean rest)
      throws InterruptedException {
    progress(
        "throughput of %s (%d in flight, %s warm-up, %s measured)",
        processId, options.inflight(), options.warmup(), options.duration());
    Semaphore inflight = new Semaphore(options.inflight());
    AtomicLong failures = new AtomicLong();
    Samples createLatency = new Samples();
    Samples cycleTime = new Samples();
    // closed loop: an instance's permit comes back when the engine has completed it
    tracker.onProcessCompleted = key -> inflight.release();
    try (CamundaClient client = client(rest);
        JobWorker worker =
            client
                .newWorker()
                .jobType(processId)
                .handler(
                    (jobClient, job) -> {
                      Map<String, Object> variables = Map.of();
                      if ("pay".equals(job.getElementId())) {
                        // the payment provider's callback, buffered until the saga waits for it
                        String orderId = Long.toString(job.getProcessInstanceKey());
                        variables = Map.of("orderId", orderId);
                        client
                            .newPublishMessageCommand()
                            .messageName("Paid")
                            .correlationKey(orderId)
                            .timeToLive(Duration.ofMinutes(1))
                            .send();
                      }
                      jobClient
                          .newCompleteCommand(job.getKey())
                          .variables(variables)
                          .send()
                          .exceptionally(
                              failure -> {
                                failures.incrementAndGet();
                                return null;
                              });
                    })
                .maxJobsActive(Math.max(32, options.inflight() * 2))
                .timeout(Duration.ofMinutes(5))
                .streamEnabled(!rest)
                .open()) {
      long started = System.nanoTime();
      long measureFrom = started + options.warmup().toNanos();
      long end = measureFrom + options.duration().toNanos();
      long completedAtStart = -1;
      long fsyncsAtStart = 0;
      long measuredFrom = 0;
      long now;
      while ((now = System.nanoTime()) < end) {
        if (completedAtStart < 0 && now >= measureFrom) {
          tracker.cycleTimes = cycleTime;
          completedAtStart = tracker.completed.get();
          fsyncsAtStart = engine.fsyncCount();
          measuredFrom = now;
        }
        if (!inflight.tryAcquire(50, TimeUnit.MILLISECONDS)) {
          continue;
        }
        long sent = System.nanoTime();
        boolean measured = completedAtStart >= 0;
        create(client, processId)
            .whenComplete(
                (created, failure) -> {
                  if (failure != null) {
                    failures.incrementAndGet();
                    inflight.release();
                  } else if (measured) {
                    createLatency.add(System.nanoTime() - sent);
                  }
                });
      }
      long completed = tracker.completed.get() - completedAtStart;
      long fsyncs = engine.fsyncCount() - fsyncsAtStart;
      double seconds = (System.nanoTime() - measuredFrom) / 1e9;
      // drain, so the next scenario starts on an idle engine
      if (!inflight.tryAcquire(options.inflight(), 60, TimeUnit.SECONDS)) {
        progress("  warning: %d instances did not complete", inflight.availablePermits());
      }
      return new Throughput(
          label,
          jobsPerInstance,
          rest,
          completed / seconds,
          fsyncs / seconds,
          createLatency,
          cycleTime,
          failures.get());
    } finally {
      tracker.onProcessCompleted = key -> {};
      tracker.cycleTimes = null;
    }
  }

  // ---- activation latency

  private Latency activationLatency(boolean stream) throws InterruptedException {
    String processId = latencyProcess(stream);
    progress(
        "activation latency, %s, %d jobs at %d/s",
        stream ? "push" : "long polling", options.latencySamples(), options.latencyRate());
    Map<Long, Long> handledAt = new ConcurrentHashMap<>();
    Semaphore handled = new Semaphore(0);
    tracker.jobCreatedAt.clear();
    tracker.recordJobsOfType = processId;
    ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
    try (CamundaClient client = client(false);
        JobWorker worker =
            client
                .newWorker()
                .jobType(processId)
                .handler(
                    (jobClient, job) -> {
                      handledAt.put(job.getKey(), System.nanoTime());
                      handled.release();
                      jobClient.newCompleteCommand(job.getKey()).send();
                    })
                .maxJobsActive(32)
                .timeout(Duration.ofMinutes(5))
                .streamEnabled(stream)
                .open()) {
      // a warm-up round (also lets the stream open), then the measured round
      paced(pacer, client, processId, Math.max(20, options.latencySamples() / 5), handled);
      tracker.jobCreatedAt.clear();
      handledAt.clear();
      paced(pacer, client, processId, options.latencySamples(), handled);
      Samples samples = new Samples();
      tracker.jobCreatedAt.forEach(
          (job, created) -> {
            Long invoked = handledAt.get(job);
            if (invoked != null) {
              samples.add(invoked - created);
            }
          });
      return new Latency(stream ? "push (streamEnabled=true)" : "long polling", samples);
    } finally {
      pacer.shutdownNow();
      tracker.recordJobsOfType = null;
    }
  }

  /** Creates {@code count} instances at the configured rate, then waits for their handlers. */
  private void paced(
      ScheduledExecutorService pacer,
      CamundaClient client,
      String processId,
      int count,
      Semaphore handled)
      throws InterruptedException {
    AtomicLong sent = new AtomicLong();
    long periodMicros = 1_000_000L / options.latencyRate();
    var task =
        pacer.scheduleAtFixedRate(
            () -> {
              if (sent.incrementAndGet() <= count) {
                create(client, processId);
              }
            },
            0,
            periodMicros,
            TimeUnit.MICROSECONDS);
    long waitMillis = 30_000 + count * periodMicros / 1000;
    if (!handled.tryAcquire(count, waitMillis, TimeUnit.MILLISECONDS)) {
      progress("  warning: not every job reached its handler within %d ms", waitMillis);
    }
    task.cancel(false);
    handled.drainPermits();
  }

  // ---- plumbing

  private CamundaClient client(boolean rest) {
    return CamundaClient.newClientBuilder()
        .applyEnvironmentVariableOverrides(false)
        .restAddress(URI.create("http://localhost:" + engine.restPort()))
        .grpcAddress(URI.create("http://localhost:" + engine.grpcPort()))
        .preferRestOverGrpc(rest)
        .credentialsProvider(EngineCredentials.TEST_ADMIN.provider())
        .maxHttpConnections(Math.max(64, options.inflight() * 2))
        .numJobWorkerExecutionThreads(2)
        .defaultRequestTimeout(Duration.ofSeconds(30))
        .build();
  }

  private static java.util.concurrent.CompletableFuture<?> create(
      CamundaClient client, String processId) {
    return client
        .newCreateInstanceCommand()
        .bpmnProcessId(processId)
        .latestVersion()
        .send()
        .toCompletableFuture();
  }

  /** 128-byte appends, each forced to disk, for {@code probe}; returns forces per second. */
  static double rawFsyncRate(Path dir, Duration probe) throws IOException {
    Path file = dir.resolve("fsync-probe.bin");
    ByteBuffer record = ByteBuffer.allocate(128);
    long count = 0;
    long started = System.nanoTime();
    long end = started + probe.toNanos();
    try (FileChannel channel =
        FileChannel.open(
            file,
            StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.WRITE)) {
      while (System.nanoTime() < end) {
        record.clear();
        while (record.hasRemaining()) {
          channel.write(record);
        }
        channel.force(false);
        count++;
      }
    } finally {
      Files.deleteIfExists(file);
    }
    return count / ((System.nanoTime() - started) / 1e9);
  }

  private static void progress(String format, Object... args) {
    System.err.println("[bench] " + String.format(Locale.ROOT, format, args));
  }

  private static void deleteRecursively(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
        Files.deleteIfExists(file);
      }
    }
  }

  /**
   * Watches committed batches: which process instances complete, and when jobs of one type became
   * durable. Runs on the journal's flusher thread, so it only touches concurrent maps and counters.
   */
  private static final class Tracker implements EngineProcessor.BatchListener {
    final Set<Long> running = ConcurrentHashMap.newKeySet();
    final AtomicLong completed = new AtomicLong();
    final Map<Long, Long> jobCreatedAt = new ConcurrentHashMap<>();
    volatile String recordJobsOfType;
    volatile LongConsumer onProcessCompleted = key -> {};

    /** When set, the start-to-end time of every instance that completes. */
    volatile Samples cycleTimes;

    private final Map<Long, Long> startedAt = new ConcurrentHashMap<>();

    @Override
    public void committed(long position, EventBatch batch) {
      long now = System.nanoTime();
      for (EngineEvent event : batch.events()) {
        switch (event) {
          case EngineEvent.ElementActivating e when e.elementType() == BpmnElementType.PROCESS -> {
            running.add(e.key());
            startedAt.put(e.key(), now);
          }
          case EngineEvent.ElementCompleted e -> {
            if (running.remove(e.key())) {
              completed.incrementAndGet();
              Long started = startedAt.remove(e.key());
              Samples cycles = cycleTimes;
              if (started != null && cycles != null) {
                cycles.add(now - started);
              }
              onProcessCompleted.accept(e.key());
            }
          }
          case EngineEvent.ElementTerminated e -> {
            running.remove(e.key());
            startedAt.remove(e.key());
          }
          case EngineEvent.JobCreated e when e.type().equals(recordJobsOfType) ->
              jobCreatedAt.put(e.key(), now);
          default -> {}
        }
      }
    }
  }

  /** Latency samples in nanoseconds. */
  static final class Samples {
    private long[] values = new long[1024];
    private int size;

    synchronized void add(long nanos) {
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = nanos;
    }

    synchronized int size() {
      return size;
    }

    /** The q-quantile in milliseconds (nearest rank), NaN without samples. */
    synchronized double quantileMillis(double q) {
      if (size == 0) {
        return Double.NaN;
      }
      long[] sorted = Arrays.copyOf(values, size);
      Arrays.sort(sorted);
      int rank = (int) Math.ceil(q * size) - 1;
      return sorted[Math.clamp(rank, 0, size - 1)] / 1e6;
    }
  }

  record Throughput(
      String process,
      int jobsPerInstance,
      boolean rest,
      double instancesPerSecond,
      double fsyncsPerSecond,
      Samples createLatency,
      Samples cycleTime,
      long failures) {}

  record Latency(String label, Samples samples) {}

  /** Command-line options: {@code --name value}; durations as {@code 15s}, {@code 500ms}. */
  record Options(
      Duration warmup,
      Duration duration,
      int inflight,
      int createSamples,
      int latencySamples,
      int latencyRate,
      Duration fsyncProbe,
      Path dataDir,
      Path resultsDir) {

    static final String USAGE =
        """
        usage: EngineBench [--duration 15s] [--warmup 5s] [--inflight 64] [--create-samples 300]
                           [--latency-samples 300] [--latency-rate 50] [--fsync-probe 3s]
                           [--data-dir DIR (default: a temporary directory, deleted)]
                           [--results-dir bench/results]
        """;

    static Options parse(String[] args) {
      Options o =
          new Options(
              Duration.ofSeconds(5),
              Duration.ofSeconds(15),
              64,
              300,
              300,
              50,
              Duration.ofSeconds(3),
              null,
              Path.of("bench", "results"));
      for (int i = 0; i < args.length; i++) {
        String name = args[i];
        if (name.equals("--help") || i + 1 >= args.length) {
          System.err.print(USAGE);
          System.exit(name.equals("--help") ? 0 : 2);
        }
        String value = args[++i];
        o =
            switch (name) {
              case "--warmup" -> o.with(0, duration(value));
              case "--duration" -> o.with(1, duration(value));
              case "--inflight" -> o.with(2, Integer.parseInt(value));
              case "--create-samples" -> o.with(3, Integer.parseInt(value));
              case "--latency-samples" -> o.with(4, Integer.parseInt(value));
              case "--latency-rate" -> o.with(5, Integer.parseInt(value));
              case "--fsync-probe" -> o.with(6, duration(value));
              case "--data-dir" -> o.with(7, Path.of(value));
              case "--results-dir" -> o.with(8, Path.of(value));
              default -> {
                System.err.print("unknown option " + name + "\n" + USAGE);
                System.exit(2);
                yield o;
              }
            };
      }
      return o;
    }

    private Options with(int field, Object value) {
      Object[] f = {
        warmup,
        duration,
        inflight,
        createSamples,
        latencySamples,
        latencyRate,
        fsyncProbe,
        dataDir,
        resultsDir
      };
      f[field] = value;
      return new Options(
          (Duration) f[0],
          (Duration) f[1],
          (Integer) f[2],
          (Integer) f[3],
          (Integer) f[4],
          (Integer) f[5],
          (Duration) f[6],
          (Path) f[7],
          (Path) f[8]);
    }

    private static Duration duration(String text) {
      if (text.endsWith("ms")) {
        return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
      }
      if (text.endsWith("s")) {
        return Duration.ofSeconds(Long.parseLong(text.substring(0, text.length() - 1)));
      }
      return Duration.parse(text);
    }
  }
}
