package io.orderhub.bench;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.worker.JobWorker;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.orderhub.engine.Engine;
import io.orderhub.engine.EngineConfig;
import io.orderhub.engine.metrics.MonitoringConfig;
import io.orderhub.engine.model.BpmnElementType;
import io.orderhub.engine.record.EngineEvent;
import io.orderhub.engine.security.EngineCredentials;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
 * The cost of the engine's metrics: the same closed-loop one-task workload (gRPC, job streaming)
 * against an engine with metrics collected and scraped every second (a scrape interval 15 times
 * denser than the usual) and one without metrics, alternating on/off in each round so drift of the
 * shared machine hits both alike, after a warm-up pair that is not counted. Reports completed
 * process instances per second and the ratio, and the scrape's size and time.
 *
 * <p>{@code java -cp bench/target/bench.jar io.orderhub.bench.MetricsOverheadBench [rounds]
 * [seconds]}
 */
public final class MetricsOverheadBench {

  private static final int INFLIGHT = 64;
  private static final Duration WARMUP = Duration.ofSeconds(5);

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
    Duration measured = Duration.ofSeconds(args.length > 1 ? Long.parseLong(args[1]) : 15);
    List<Double> on = new ArrayList<>();
    List<Double> off = new ArrayList<>();
    List<long[]> scrapes = new ArrayList<>();
    // a first pair, not counted: the JIT warms up on whichever engine runs first
    for (boolean metrics : new boolean[] {true, false}) {
      System.out.printf(
          "warm-up, metrics %s: %.0f PI/s%n",
          metrics ? "on" : "off", run(metrics, measured, new ArrayList<>()));
    }
    for (int round = 0; round < rounds; round++) {
      boolean onFirst = round % 2 == 0;
      for (boolean metrics : new boolean[] {onFirst, !onFirst}) {
        double rate = run(metrics, measured, scrapes);
        (metrics ? on : off).add(rate);
        System.out.printf(
            "round %d, metrics %s: %.0f PI/s%n", round + 1, metrics ? "on" : "off", rate);
      }
    }
    double meanOn = on.stream().mapToDouble(d -> d).average().orElse(0);
    double meanOff = off.stream().mapToDouble(d -> d).average().orElse(0);
    double bytes = scrapes.stream().mapToLong(s -> s[0]).average().orElse(0);
    double millis = scrapes.stream().mapToLong(s -> s[1]).average().orElse(0) / 1e6;
    long[] times = scrapes.stream().mapToLong(s -> s[1]).sorted().toArray();
    double medianMillis = times.length == 0 ? 0 : times[times.length / 2] / 1e6;
    System.out.printf(
        "%nmetrics on: %.0f PI/s, off: %.0f PI/s, on/off = %.3f (%d rounds of %s)%n",
        meanOn, meanOff, meanOn / meanOff, rounds, measured);
    System.out.printf(
        "scrape: %.0f bytes, %.1f ms median, %.1f ms mean over %d scrapes%n",
        bytes, medianMillis, millis, scrapes.size());
  }

  private static double run(boolean metrics, Duration measured, List<long[]> scrapes)
      throws Exception {
    Path dir = Files.createTempDirectory("metrics-overhead");
    MonitoringConfig monitoring =
        metrics ? MonitoringConfig.on(0) : MonitoringConfig.disabled().withoutMetrics();
    Set<Long> running = ConcurrentHashMap.newKeySet();
    AtomicLong completed = new AtomicLong();
    Semaphore inflight = new Semaphore(INFLIGHT);
    try (Engine engine =
            Engine.start(
                EngineConfig.defaults(dir.resolve("engine"))
                    .withPorts(0, 0)
                    .withSecurity(EngineCredentials.TEST_ADMIN.asAdmin()),
                monitoring);
        CamundaClient client =
            CamundaClient.newClientBuilder()
                .credentialsProvider(EngineCredentials.TEST_ADMIN.provider())
                .applyEnvironmentVariableOverrides(false)
                .grpcAddress(URI.create("http://localhost:" + engine.grpcPort()))
                .restAddress(URI.create("http://localhost:" + engine.restPort()))
                .preferRestOverGrpc(false)
                .build()) {
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
      Thread scraper = metrics ? scraper(engine.monitoringPort(), scrapes) : null;
      try (JobWorker worker =
          client
              .newWorker()
              .jobType("t")
              .handler((jobClient, job) -> jobClient.newCompleteCommand(job.getKey()).send())
              .maxJobsActive(INFLIGHT * 2)
              .streamEnabled(true)
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
      } finally {
        if (scraper != null) {
          scraper.interrupt();
          scraper.join();
        }
      }
    }
  }

  /** Scrapes like Prometheus would, once a second, recording size and time. */
  private static Thread scraper(int port, List<long[]> scrapes) {
    HttpClient http = HttpClient.newHttpClient();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/prometheus"))
            .build();
    return Thread.ofPlatform()
        .daemon(true)
        .start(
            () -> {
              try {
                while (!Thread.currentThread().isInterrupted()) {
                  long started = System.nanoTime();
                  HttpResponse<byte[]> response =
                      http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                  synchronized (scrapes) {
                    scrapes.add(new long[] {response.body().length, System.nanoTime() - started});
                  }
                  Thread.sleep(1000);
                }
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              } catch (Exception e) {
                throw new IllegalStateException("Expected to scrape the engine, but " + e, e);
              }
            });
  }
}
