package io.orderhub.engine.recovery;

import static io.orderhub.engine.testing.Transport.GRPC;
import static io.orderhub.engine.testing.Transport.REST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The durability contract, end to end: the engine runs as a separate process, is SIGKILLed ({@link
 * Process#destroyForcibly()}) in the middle of concurrent load over REST and gRPC, and is started
 * again on the same data directory. Everything the official client had an answer for before the
 * kill must be there afterwards and go on; what was in flight may or may not be.
 *
 * <p>The child's clock is the system clock, so its timer and job timeout are short real durations,
 * waited for by long-polling for the job that follows them.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class CrashRecoveryTest {

  private static final Duration LEASE = Duration.ofSeconds(4);
  private static final int CREATORS = 4;
  private static final int ACKNOWLEDGED_BEFORE_KILL = 300;
  private static final int WAITING_FOR_MESSAGE = 6;

  @TempDir Path temp;

  @Test
  void shouldKeepEveryAcknowledgedCommandAcrossAKill() throws Exception {
    // the default snapshot interval: no snapshot is taken, recovery replays the whole journal
    crashAndRecover(null);
  }

  @Test
  void shouldRecoverFromASnapshotAndTheJournalAfterAKill() throws Exception {
    // snapshots every 25 batches while under load: recovery = latest snapshot + the journal after
    crashAndRecover(25L);
  }

  private void crashAndRecover(Long snapshotEvery) throws Exception {
    Path data = temp.resolve("data");
    List<ChildEngine> children = new ArrayList<>();
    try {
      ChildEngine first = ChildEngine.start(data, temp.resolve("engine-1.log"), snapshotEvery);
      children.add(first);
      Before before = runUntilKilled(first);

      if (snapshotEvery != null) {
        assertThat(snapshotFiles(data))
            .as("snapshots taken under load before the kill")
            .isNotEmpty();
      }

      ChildEngine second = ChildEngine.start(data, temp.resolve("engine-2.log"), snapshotEvery);
      children.add(second);
      long[] recovered = second.recovered();
      System.err.printf(
          "%d creates acknowledged before the kill; recovered to position %d, replaying %d"
              + " batches%n",
          before.created().size(), recovered[0], recovered[1]);
      if (snapshotEvery != null) {
        // replayed fewer batches than the recovered position: it started from a snapshot
        assertThat(recovered[1]).isLessThan(recovered[0]);
      } else {
        assertThat(recovered[1]).isEqualTo(recovered[0]);
      }
      verifyAfterRestart(second, before);
      second.stop();
    } catch (Throwable failure) {
      StringBuilder logs = new StringBuilder();
      for (ChildEngine child : children) {
        logs.append("\n--- output of ").append(child.log).append(" ---\n").append(child.output());
      }
      System.err.println(logs);
      failure.addSuppressed(new AssertionError("engine output:" + logs));
      throw failure;
    } finally {
      children.forEach(ChildEngine::close);
    }
  }

  /** What the first engine acknowledged before it was killed. */
  private record Before(
      Set<Long> created,
      Set<Long> completed,
      Set<Long> waitingForMessage,
      long timer,
      long lease,
      long leasedJob,
      long leaseDeadline) {}

  private Before runUntilKilled(ChildEngine engine) throws Exception {
    CamundaClient rest = engine.client(REST);
    CamundaClient grpc = engine.client(GRPC);
    deploy(rest, oneTask("work", "crash-work"), oneTask("lease", "crash-lease"));
    deploy(
        grpc,
        Bpmn.createExecutableProcess("pay")
            .startEvent()
            .intermediateCatchEvent(
                "paid",
                e -> e.message(m -> m.name("Paid").zeebeCorrelationKeyExpression("orderId")))
            .serviceTask("ship", t -> t.zeebeJobType("crash-ship"))
            .endEvent()
            .done(),
        Bpmn.createExecutableProcess("timer")
            .startEvent()
            .intermediateCatchEvent("wait", e -> e.timerWithDuration("PT2S"))
            .serviceTask("late", t -> t.zeebeJobType("crash-after-timer"))
            .endEvent()
            .done());

    // instances waiting at a message catch event
    Set<Long> waiting = new HashSet<>();
    for (int i = 0; i < WAITING_FOR_MESSAGE; i++) {
      CamundaClient client = i % 2 == 0 ? rest : grpc;
      waiting.add(create(client, "pay", Map.of("orderId", "wait-" + i)));
    }
    // a message buffered for the instance that will only be created after the restart
    rest.newPublishMessageCommand()
        .messageName("Paid")
        .correlationKey("buffered")
        .timeToLive(Duration.ofMinutes(10))
        .send()
        .join();
    // work whose completion was acknowledged: it must not come back
    Set<Long> completed = new HashSet<>();
    for (int i = 0; i < 4; i++) {
      completed.add(create(grpc, "work", Map.of("done", true)));
    }
    for (ActivatedJob job : activate(grpc, "crash-work", 4, Duration.ofMinutes(5))) {
      grpc.newCompleteCommand(job.getKey()).send().join();
    }

    // load: four threads creating instances, two over REST and two over gRPC
    Set<Long> created = ConcurrentHashMap.newKeySet();
    CountDownLatch enough = new CountDownLatch(ACKNOWLEDGED_BEFORE_KILL);
    AtomicBoolean killed = new AtomicBoolean();
    List<Throwable> unexpected = new java.util.concurrent.CopyOnWriteArrayList<>();
    List<Thread> creators = new ArrayList<>();
    for (int t = 0; t < CREATORS; t++) {
      CamundaClient client = engine.newClient(t % 2 == 0 ? REST : GRPC);
      int thread = t;
      creators.add(
          Thread.ofPlatform()
              .name("creator-" + t)
              .start(
                  () -> {
                    try (client) {
                      for (int i = 0; !killed.get(); i++) {
                        try {
                          created.add(create(client, "work", Map.of("t", thread, "i", i)));
                          enough.countDown();
                        } catch (RuntimeException e) {
                          if (!killed.get()) {
                            unexpected.add(e);
                          }
                          return;
                        }
                      }
                    }
                  }));
    }
    assertThat(enough.await(30, TimeUnit.SECONDS))
        .as("%d instances acknowledged under load", ACKNOWLEDGED_BEFORE_KILL)
        .isTrue();

    // right before the kill, still under load: a 2 s timer and a job leased for a few seconds,
    // so both fall due only after the restart
    long timer = create(grpc, "timer", Map.of());
    long lease = create(rest, "lease", Map.of());
    ActivatedJob leased = activate(rest, "crash-lease", 1, LEASE).getFirst();

    // set first: a creator whose request fails because of the kill must not count it as a failure
    killed.set(true);
    engine.kill();
    for (Thread creator : creators) {
      creator.join(Duration.ofSeconds(30));
      assertThat(creator.isAlive()).as("creator stopped after the kill").isFalse();
    }
    assertThat(unexpected).as("failures before the kill").isEmpty();
    return new Before(
        Set.copyOf(created),
        completed,
        waiting,
        timer,
        lease,
        leased.getKey(),
        leased.getDeadline());
  }

  private void verifyAfterRestart(ChildEngine engine, Before before) {
    CamundaClient rest = engine.client(REST);
    CamundaClient grpc = engine.client(GRPC);

    // every acknowledged instance has its job back; completed work stays completed
    Map<Long, Long> jobs = new java.util.HashMap<>();
    List<ActivatedJob> batch;
    while (!(batch = activateNow(grpc, "crash-work")).isEmpty()) {
      for (ActivatedJob job : batch) {
        assertThat(jobs.put(job.getProcessInstanceKey(), job.getKey()))
            .as("one job per instance")
            .isNull();
      }
    }
    assertThat(jobs.keySet()).containsAll(before.created());
    assertThat(jobs.keySet()).doesNotContainAnyElementsOf(before.completed());
    assertThat(before.created()).hasSizeGreaterThanOrEqualTo(ACKNOWLEDGED_BEFORE_KILL);

    // completing keeps working, over both transports, and the instances complete
    List<CompletableFuture<?>> completions = new ArrayList<>();
    int i = 0;
    for (long jobKey : jobs.values()) {
      CamundaClient client = i++ % 2 == 0 ? rest : grpc;
      completions.add(client.newCompleteCommand(jobKey).send().toCompletableFuture());
    }
    CompletableFuture.allOf(completions.toArray(CompletableFuture[]::new)).join();
    for (long instance : before.created()) {
      assertGone(grpc, instance);
    }

    // instances waiting for a message go on when it is published now
    for (int m = 0; m < WAITING_FOR_MESSAGE; m++) {
      (m % 2 == 0 ? grpc : rest)
          .newPublishMessageCommand()
          .messageName("Paid")
          .correlationKey("wait-" + m)
          .send()
          .join();
    }
    // the message buffered before the kill meets an instance created after the restart
    long late = create(rest, "pay", Map.of("orderId", "buffered"));
    Set<Long> expectShipped = new HashSet<>(before.waitingForMessage());
    expectShipped.add(late);
    Set<Long> shipped = new HashSet<>();
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!shipped.containsAll(expectShipped) && System.nanoTime() < deadline) {
      for (ActivatedJob job : activate(rest, "crash-ship", 20, Duration.ofMinutes(5))) {
        shipped.add(job.getProcessInstanceKey());
        rest.newCompleteCommand(job.getKey()).send().join();
      }
    }
    assertThat(shipped).containsAll(expectShipped);
    for (long instance : expectShipped) {
      assertGone(rest, instance);
    }

    // the timer created before the kill fires
    ActivatedJob afterTimer = awaitJob(grpc, "crash-after-timer", Duration.ofSeconds(20));
    assertThat(afterTimer.getProcessInstanceKey()).isEqualTo(before.timer());
    grpc.newCompleteCommand(afterTimer.getKey()).send().join();
    assertGone(grpc, before.timer());

    // the job leased before the kill is handed out again, but only once its lease ran out
    ActivatedJob released = awaitJob(rest, "crash-lease", Duration.ofSeconds(20));
    assertThat(released.getKey()).isEqualTo(before.leasedJob());
    assertThat(System.currentTimeMillis()).isGreaterThanOrEqualTo(before.leaseDeadline());
    rest.newCompleteCommand(released.getKey()).send().join();
    assertGone(rest, before.lease());
  }

  // ---- client helpers

  private static void deploy(CamundaClient client, BpmnModelInstance... models) {
    var command = client.newDeployResourceCommand().addProcessModel(models[0], "p0.bpmn");
    for (int i = 1; i < models.length; i++) {
      command = command.addProcessModel(models[i], "p" + i + ".bpmn");
    }
    command.send().join();
  }

  private static BpmnModelInstance oneTask(String processId, String jobType) {
    return Bpmn.createExecutableProcess(processId)
        .startEvent()
        .serviceTask("task", t -> t.zeebeJobType(jobType))
        .endEvent()
        .done();
  }

  private static long create(CamundaClient client, String processId, Map<String, Object> vars) {
    return client
        .newCreateInstanceCommand()
        .bpmnProcessId(processId)
        .latestVersion()
        .variables(vars)
        .send()
        .join()
        .getProcessInstanceKey();
  }

  private static List<ActivatedJob> activate(
      CamundaClient client, String type, int max, Duration timeout) {
    return client
        .newActivateJobsCommand()
        .jobType(type)
        .maxJobsToActivate(max)
        .timeout(timeout)
        .requestTimeout(Duration.ofSeconds(2))
        .send()
        .join()
        .getJobs();
  }

  /** Activates what is activatable right now (a short long-poll ends an empty answer). */
  private static List<ActivatedJob> activateNow(CamundaClient client, String type) {
    return client
        .newActivateJobsCommand()
        .jobType(type)
        .maxJobsToActivate(200)
        .timeout(Duration.ofMinutes(5))
        .requestTimeout(Duration.ofMillis(300))
        .send()
        .join()
        .getJobs();
  }

  /** Long-polls until one job of the type is activated, for at most {@code within}. */
  private static ActivatedJob awaitJob(CamundaClient client, String type, Duration within) {
    long deadline = System.nanoTime() + within.toNanos();
    while (System.nanoTime() < deadline) {
      List<ActivatedJob> jobs = activate(client, type, 1, Duration.ofMinutes(5));
      if (!jobs.isEmpty()) {
        return jobs.getFirst();
      }
    }
    throw new AssertionError("Expected a job of type '%s' within %s".formatted(type, within));
  }

  /** An instance is gone (completed) when cancelling it finds nothing to cancel. */
  private static void assertGone(CamundaClient client, long processInstanceKey) {
    assertThatThrownBy(() -> client.newCancelInstanceCommand(processInstanceKey).send().join())
        .as("instance %d completed", processInstanceKey)
        .hasMessageContaining("no such process");
  }

  private static List<Path> snapshotFiles(Path data) throws IOException {
    Path dir = data.resolve("snapshots");
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".snapshot")).toList();
    }
  }

  // ---- the engine in its own JVM

  /** An engine process ({@link EngineMain}) on the test's classpath, output in a file. */
}
