package io.orderhub.bench;

import io.camunda.client.CamundaClient;
import io.camunda.client.CamundaClientBuilder;
import io.camunda.client.api.worker.JobWorker;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.orderhub.engine.Engine;
import io.orderhub.engine.EngineConfig;
import io.orderhub.engine.metrics.MonitoringConfig;
import io.orderhub.engine.model.BpmnElementType;
import io.orderhub.engine.record.EngineEvent;
import io.orderhub.engine.security.Caller;
import io.orderhub.engine.security.EngineCredentials;
import io.orderhub.engine.security.EngineSecurity;
import io.orderhub.engine.security.ResourceType;
import io.orderhub.engine.security.SecurityConfig;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The cost of authentication and authorization: the same closed-loop one-task workload (create an
 * instance, a worker completes its job) against an engine with basic authentication and the
 * authorization check on every request, and one with {@code auth none}, alternating on/off in each
 * round so drift of the shared machine hits both alike, after a warm-up pair that is not counted.
 * Over gRPC (job streaming) and over REST (long-polled activation). Reports completed process
 * instances per second and the on/off ratio per transport.
 *
 * <p>{@code java -cp bench/target/bench.jar io.orderhub.bench.AuthOverheadBench [rounds] [seconds]}
 */
public final class AuthOverheadBench {

  private static final int INFLIGHT = 64;
  private static final Duration WARMUP = Duration.ofSeconds(5);
  private static final EngineCredentials CREDENTIALS = EngineCredentials.TEST_ADMIN;

  public static void main(String[] args) throws Exception {
    doorCost();
    if (args.length > 0 && args[0].equals("door")) {
      return;
    }
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
    Duration measured = Duration.ofSeconds(args.length > 1 ? Long.parseLong(args[1]) : 15);
    List<String> summary = new ArrayList<>();
    for (boolean rest : new boolean[] {false, true}) {
      String transport = rest ? "REST" : "gRPC";
      List<Double> on = new ArrayList<>();
      List<Double> off = new ArrayList<>();
      // a first pair, not counted: the JIT warms up on whichever engine runs first
      for (boolean auth : new boolean[] {true, false}) {
        System.out.printf(
            "%s warm-up, auth %s: %.0f PI/s%n",
            transport, auth ? "basic" : "none", run(auth, rest, measured));
      }
      for (int round = 0; round < rounds; round++) {
        boolean onFirst = round % 2 == 0;
        for (boolean auth : new boolean[] {onFirst, !onFirst}) {
          double rate = run(auth, rest, measured);
          (auth ? on : off).add(rate);
          System.out.printf(
              "%s round %d, auth %s: %.0f PI/s%n",
              transport, round + 1, auth ? "basic" : "none", rate);
        }
      }
      double meanOn = on.stream().mapToDouble(d -> d).average().orElse(0);
      double meanOff = off.stream().mapToDouble(d -> d).average().orElse(0);
      summary.add(
          String.format(
              "%s: auth basic %.0f PI/s, auth none %.0f PI/s, basic/none = %.3f (%d rounds of %s)",
              transport, meanOn, meanOff, meanOn / meanOff, rounds, measured));
    }
    System.out.println();
    summary.forEach(System.out::println);
  }

  /**
   * What the door itself costs per request, in-process: authenticating a Basic header the engine
   * has seen before and checking one permission, as every gRPC call and REST request does.
   */
  private static void doorCost() throws Exception {
    Path dir = Files.createTempDirectory("auth-door");
    EngineSecurity security = EngineSecurity.open(CREDENTIALS.asAdmin(), dir, false);
    String header =
        "Basic "
            + java.util.Base64.getEncoder()
                .encodeToString(
                    (CREDENTIALS.username() + ":" + CREDENTIALS.password())
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    long sink = 0;
    for (int pass = 0; pass < 2; pass++) { // the first pass warms up the JIT
      int calls = 1_000_000;
      // CPU time of this thread: on a shared, overloaded machine wall time mostly measures waiting
      java.lang.management.ThreadMXBean threads =
          java.lang.management.ManagementFactory.getThreadMXBean();
      long started = threads.getCurrentThreadCpuTime();
      long wallStarted = System.nanoTime();
      for (int i = 0; i < calls; i++) {
        Caller caller = security.authenticate(header);
        if (security.allowed(
            caller,
            ResourceType.PROCESS_DEFINITION,
            ResourceType.Permission.CREATE_PROCESS_INSTANCE,
            "one-task")) {
          sink++;
        }
      }
      double nanos = (threads.getCurrentThreadCpuTime() - started) / (double) calls;
      double wall = (System.nanoTime() - wallStarted) / (double) calls;
      if (pass == 1) {
        System.out.printf(
            "door cost: %.0f ns CPU (%.0f ns wall) per request (authenticate a known Basic header"
                + " + one permission check), %d calls%n",
            nanos, wall, sink / 2);
      }
    }
  }

  private static CamundaClient client(Engine engine, boolean auth, boolean rest) {
    CamundaClientBuilder builder =
        CamundaClient.newClientBuilder()
            .applyEnvironmentVariableOverrides(false)
            .grpcAddress(URI.create("http://localhost:" + engine.grpcPort()))
            .restAddress(URI.create("http://localhost:" + engine.restPort()))
            .preferRestOverGrpc(rest)
            .maxHttpConnections(INFLIGHT * 2)
            // the shared machine can be slow to accept the first connection
            .defaultRequestTimeout(Duration.ofSeconds(60));
    if (auth) {
      builder.credentialsProvider(CREDENTIALS.provider());
    }
    return builder.build();
  }

  private static double run(boolean auth, boolean rest, Duration measured) throws Exception {
    Path dir = Files.createTempDirectory("auth-overhead");
    Set<Long> running = ConcurrentHashMap.newKeySet();
    AtomicLong completed = new AtomicLong();
    Semaphore inflight = new Semaphore(INFLIGHT);
    try (Engine engine =
            Engine.start(
                EngineConfig.defaults(dir.resolve("engine"))
                    .withPorts(0, 0)
                    .withSecurity(auth ? CREDENTIALS.asAdmin() : SecurityConfig.none()),
                MonitoringConfig.disabled());
        CamundaClient client = client(engine, auth, rest)) {
      engine.addListener(
          (position, batch) -> {
            for (EngineEvent event : batch.events()) {
              if (event instanceof EngineEvent.ElementActivating e
                  && e.elementType() == BpmnElementType.PROCESS) {
                running.add(e.key());
              } else if (event instanceof EngineEvent.ElementCompleted e
                  && running.remove(e.key())) {
                completed.incrementAndGet();
                inflight.release();
              }
            }
          });
      client
          .newDeployResourceCommand()
          .addProcessModel(
              Bpmn.createExecutableProcess("one-task")
                  .startEvent()
                  .serviceTask("t", t -> t.zeebeJobType("t"))
                  .endEvent()
                  .done(),
              "one-task.bpmn")
          .send()
          .join();
      try (JobWorker worker =
          client
              .newWorker()
              .jobType("t")
              .handler((jobClient, job) -> jobClient.newCompleteCommand(job.getKey()).send())
              .maxJobsActive(INFLIGHT * 2)
              .streamEnabled(!rest)
              .open()) {
        long measureFrom = System.nanoTime() + WARMUP.toNanos();
        long end = measureFrom + measured.toNanos();
        long completedAtStart = -1;
        long startedAt = 0;
        long now;
        while ((now = System.nanoTime()) < end) {
          if (completedAtStart < 0 && now >= measureFrom) {
            completedAtStart = completed.get();
            startedAt = now;
          }
          if (inflight.tryAcquire(50, TimeUnit.MILLISECONDS)) {
            client
                .newCreateInstanceCommand()
                .bpmnProcessId("one-task")
                .latestVersion()
                .send()
                .exceptionally(
                    failure -> {
                      inflight.release();
                      return null;
                    });
          }
        }
        double rate =
            (completed.get() - completedAtStart) / ((System.nanoTime() - startedAt) / 1e9);
        inflight.tryAcquire(INFLIGHT, 60, TimeUnit.SECONDS);
        return rate;
      }
    }
  }
}
