package io.orderhub.engine.recovery;

import static io.orderhub.engine.testing.Transport.GRPC;
import static io.orderhub.engine.testing.Transport.REST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.response.PublishMessageResponse;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.orderhub.engine.EngineConfig;
import io.orderhub.engine.record.EngineEvent.IncidentCreated;
import io.orderhub.engine.record.EngineEvent.MessageCorrelated;
import io.orderhub.engine.record.EngineEvent.MessageSubscriptionOpened;
import io.orderhub.engine.record.EngineEvent.SignalSubscriptionOpened;
import io.orderhub.engine.record.EngineEvent.TimerCreated;
import io.orderhub.engine.state.EngineState;
import io.orderhub.engine.state.StateSnapshotCodec;
import io.orderhub.engine.testing.EngineTestBase;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * In-process recovery: the state a stopped engine left on disk (snapshots + journal) comes back
 * exactly, whichever way it is recovered, and every kind of waiting element goes on afterwards.
 * "Exactly" is checked by comparing canonical dumps of the live and the recovered state.
 */
class RecoveryTest extends EngineTestBase {

  @TempDir Path copies;

  /** Small, so that the few dozen commands of a test leave periodic snapshots behind. */
  private static final long SNAPSHOT_EVERY = 4;

  @Override
  protected EngineConfig configure(EngineConfig config) {
    return config.withSnapshotEveryBatches(SNAPSHOT_EVERY);
  }

  /**
   * How the restarted engine rebuilds its state. A clean close always writes a final snapshot at
   * the last position; removing snapshots afterwards gives the data directory a kill would have
   * left (no final snapshot, so the journal after the last periodic one is replayed).
   */
  enum Recovery {
    /** The final snapshot of the clean close; nothing left to replay. */
    FINAL_SNAPSHOT,
    /** An older, periodic snapshot plus the journal entries after it. */
    SNAPSHOT_AND_REPLAY,
    /** No snapshot at all: the whole journal is replayed. */
    JOURNAL_REPLAY
  }

  // ---- every kind of waiting element survives and goes on

  @ParameterizedTest
  @EnumSource(Recovery.class)
  void shouldRecoverEveryKindOfWaitingElementAndGoOn(Recovery recovery) throws IOException {
    Waiting waiting = createWaitingElements();
    String live = dump();
    long position = position();
    long lastKey = engine.processor().read(EngineState::lastKey).join();

    restartEngine(dir -> prepare(dir, recovery, position));

    assertThat(position()).isEqualTo(position);
    assertThat(dump()).isEqualTo(live);
    goOnWithEveryWaitingElement(waiting);

    // keys continue above everything recovered, so nothing new collides with an old key
    long fresh = start(REST, "job", Map.of()).getProcessInstanceKey();
    assertThat(fresh).isGreaterThan(lastKey);
  }

  // ---- snapshot + later journal == pure journal replay == live

  @Test
  void shouldRecoverTheSameStateFromASnapshotAndTheJournalAfterItAsFromTheJournalAlone()
      throws IOException {
    createWaitingElements();
    // more traffic after the waiting elements, so the snapshot is followed by real work to replay
    deploy(GRPC, oneTask("extra", "extra"));
    for (int i = 0; i < 6; i++) {
      start(i % 2 == 0 ? REST : GRPC, "extra", Map.of("i", i, "nested", Map.of("i", i)));
    }
    for (int i = 0; i < 3; i++) {
      completeJob(REST, "extra", Map.of("result", i));
    }
    String live = dump();
    long position = position();
    Path snapshotAndReplay = copies.resolve("snapshot-and-replay");
    Path replayOnly = copies.resolve("replay-only");

    restartEngine(
        dir -> {
          copy(dir, snapshotAndReplay);
          copy(dir, replayOnly);
        });
    String fromFinalSnapshot = dump();
    engine.close();
    engine = null;

    prepare(snapshotAndReplay, Recovery.SNAPSHOT_AND_REPLAY, position);
    String fromSnapshotAndReplay = recoverAndDump(snapshotAndReplay);
    prepare(replayOnly, Recovery.JOURNAL_REPLAY, position);
    String fromReplay = recoverAndDump(replayOnly);

    assertThat(fromSnapshotAndReplay).isEqualTo(fromReplay);
    assertThat(fromReplay).isEqualTo(live);
    assertThat(fromFinalSnapshot).isEqualTo(live);
  }

  // ---- a damaged journal tail is cut

  enum TailDamage {
    /** The last record lost its last bytes: a write torn by a crash. */
    TRUNCATED,
    /** Bytes after the last record that do not form one (a partially written next record). */
    GARBAGE_APPENDED
  }

  @ParameterizedTest
  @EnumSource(TailDamage.class)
  void shouldCutADamagedJournalTailAndStartWithTheIntactPrefix(TailDamage damage)
      throws IOException {
    deploy(REST, oneTask("order", "pack"));
    List<Long> instances = new java.util.ArrayList<>();
    for (int i = 0; i < 4; i++) {
      instances.add(start(GRPC, "order", Map.of("i", i)).getProcessInstanceKey());
    }
    long beforeLast = position();
    long last = start(REST, "order", Map.of("i", 4)).getProcessInstanceKey();
    // the last creation is exactly the last journal record, so cutting it loses just that one
    assertThat(position()).isEqualTo(beforeLast + 1);

    restartEngine(
        dir -> {
          // A snapshot is written only once its position is durable, so a crash that tore the
          // last record cannot have left one at that position: drop the clean close's final one.
          for (long snapshot : snapshotPositions(dir)) {
            if (snapshot > beforeLast) {
              Files.delete(snapshotFile(dir, snapshot));
            }
          }
          Path segment = lastSegment(dir);
          try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.WRITE)) {
            switch (damage) {
              case TRUNCATED -> channel.truncate(channel.size() - 3);
              case GARBAGE_APPENDED ->
                  channel.write(
                      ByteBuffer.wrap(new byte[] {0, 0, 0, 42, 1, 2, 3, 4, 5}), channel.size());
            }
          }
        });

    Set<Long> expected = new HashSet<>(instances);
    if (damage == TailDamage.TRUNCATED) {
      assertThat(position()).isEqualTo(beforeLast);
      assertThatThrownBy(() -> client(REST).newCancelInstanceCommand(last).send().join())
          .hasMessageContaining("no such process");
    } else {
      assertThat(position()).isEqualTo(beforeLast + 1);
      expected.add(last);
    }
    assertThat(activateAll("pack")).isEqualTo(expected);

    // the cut journal takes new entries and recovers them like any other
    long next = start(GRPC, "order", Map.of("i", 5)).getProcessInstanceKey();
    long position = position();
    restartEngine(RecoveryTest::deleteSnapshots); // the whole, once cut, journal replays
    assertThat(position()).isEqualTo(position);
    assertThat(activateAll("pack")).containsExactly(next);
  }

  // ---- the waiting elements

  /** Keys of instances each waiting in a different way, and what the test needs to go on. */
  private record Waiting(
      long job,
      long lease,
      long leasedJob,
      long flaky,
      long flakyJob,
      long broken,
      long brokenJob,
      long incident,
      long message,
      long bufferedMessage,
      long timer,
      long signal,
      long join,
      long nested,
      long nestedJob,
      long nestedElement,
      Map<String, Object> nestedVariables) {}

  private Waiting createWaitingElements() {
    deployAll(
        oneTask("job", "survive-job"),
        oneTask("lease", "lease"),
        oneTask("flaky", "flaky"),
        oneTask("broken", "broken"),
        Bpmn.createExecutableProcess("pay")
            .startEvent()
            .intermediateCatchEvent(
                "paid",
                e -> e.message(m -> m.name("Paid").zeebeCorrelationKeyExpression("orderId")))
            .endEvent()
            .done(),
        Bpmn.createExecutableProcess("timer")
            .startEvent()
            .intermediateCatchEvent("wait", e -> e.timerWithDuration("PT1H"))
            .endEvent()
            .done(),
        Bpmn.createExecutableProcess("signal")
            .startEvent()
            .intermediateCatchEvent("go", e -> e.signal("Go"))
            .endEvent()
            .done(),
        Bpmn.createExecutableProcess("join")
            .startEvent()
            .parallelGateway("fork")
            .serviceTask("left", t -> t.zeebeJobType("left"))
            .parallelGateway("joined")
            .endEvent()
            .moveToNode("fork")
            .serviceTask("right", t -> t.zeebeJobType("right"))
            .connectTo("joined")
            .done(),
        Bpmn.createExecutableProcess("nested")
            .startEvent()
            .serviceTask(
                "charge",
                t ->
                    t.zeebeJobType("nested")
                        .zeebeInputExpression("order.total * 100", "cents")
                        .zeebeOutputExpression("receipt", "receipt"))
            .endEvent()
            .done());

    // a job waiting for a worker
    long job = start(REST, "job", Map.of("n", 1)).getProcessInstanceKey();

    // a job held by a worker until its deadline
    long lease = start(GRPC, "lease", Map.of()).getProcessInstanceKey();
    ActivatedJob leased =
        client(GRPC)
            .newActivateJobsCommand()
            .jobType("lease")
            .maxJobsToActivate(1)
            .timeout(Duration.ofMinutes(10))
            .send()
            .join()
            .getJobs()
            .getFirst();

    // a failed job waiting out its retry back-off
    long flaky = start(REST, "flaky", Map.of()).getProcessInstanceKey();
    ActivatedJob flakyJob = activateOne(REST, "flaky");
    client(REST)
        .newFailCommand(flakyJob.getKey())
        .retries(2)
        .retryBackoff(Duration.ofSeconds(30))
        .errorMessage("warehouse timeout")
        .send()
        .join();

    // an incident: a job out of retries
    long broken = start(GRPC, "broken", Map.of()).getProcessInstanceKey();
    ActivatedJob brokenJob = activateOne(GRPC, "broken");
    client(GRPC).newFailCommand(brokenJob.getKey()).retries(0).errorMessage("boom").send().join();
    IncidentCreated incident =
        records.await(IncidentCreated.class, i -> i.jobKey() == brokenJob.getKey());

    // a message subscription
    long message = start(GRPC, "pay", Map.of("orderId", "waiting")).getProcessInstanceKey();
    records.await(MessageSubscriptionOpened.class, s -> s.processInstanceKey() == message);

    // a buffered message nobody waits for yet
    PublishMessageResponse buffered =
        client(REST)
            .newPublishMessageCommand()
            .messageName("Paid")
            .correlationKey("early")
            .timeToLive(Duration.ofDays(1))
            .variables(Map.of("paidBy", "card"))
            .send()
            .join();

    // a timer (the controlled clock makes it fire when the test says)
    long timer = start(REST, "timer", Map.of()).getProcessInstanceKey();
    records.await(TimerCreated.class, t -> t.processInstanceKey() == timer);

    // a signal subscription
    long signal = start(GRPC, "signal", Map.of()).getProcessInstanceKey();
    records.await(SignalSubscriptionOpened.class, s -> s.processInstanceKey() == signal);

    // a parallel join holding one token while the other branch still works
    long join = start(REST, "join", Map.of()).getProcessInstanceKey();
    completeJob(REST, "left", Map.of("leftDone", true));
    assertThat(engine.processor().read(s -> s.joinTokens(join)).join()).isNotEmpty();

    // variables in nested scopes: the process, and the task's input-mapped and local ones
    long nested =
        start(GRPC, "nested", Map.of("order", Map.of("total", 12.5, "lines", List.of(1, 2))))
            .getProcessInstanceKey();
    ActivatedJob nestedJob = activateOne(GRPC, "nested");
    client(GRPC)
        .newSetVariablesCommand(nestedJob.getElementInstanceKey())
        .variables(Map.of("scoped", Map.of("deep", List.of("a", "b"))))
        .local(true)
        .send()
        .join();
    client(REST)
        .newSetVariablesCommand(nested)
        .variables(Map.of("note", "gift wrap"))
        .send()
        .join();
    Map<String, Object> nestedVariables = variablesOf(nestedJob.getElementInstanceKey());
    assertThat(nestedVariables).containsKeys("order", "note", "cents", "scoped");
    assertThat(variablesOf(nested)).doesNotContainKeys("cents", "scoped");

    return new Waiting(
        job,
        lease,
        leased.getKey(),
        flaky,
        flakyJob.getKey(),
        broken,
        brokenJob.getKey(),
        incident.key(),
        message,
        buffered.getMessageKey(),
        timer,
        signal,
        join,
        nested,
        nestedJob.getKey(),
        nestedJob.getElementInstanceKey(),
        nestedVariables);
  }

  private void goOnWithEveryWaitingElement(Waiting w) {
    // nested scopes: same variables, and the job activated before the restart completes. Compared
    // as JSON: a FEEL result lives as a Long, but comes back from the journal as an Integer.
    assertThat(asJson(variablesOf(w.nestedElement()))).isEqualTo(asJson(w.nestedVariables()));
    assertThat(variablesOf(w.nested())).doesNotContainKeys("cents", "scoped");
    client(REST)
        .newCompleteCommand(w.nestedJob())
        .variables(Map.of("receipt", "r-1"))
        .send()
        .join();
    awaitProcessCompleted(w.nested());

    completeJob(GRPC, "survive-job", Map.of());
    awaitProcessCompleted(w.job());

    completeJob(GRPC, "right", Map.of());
    awaitProcessCompleted(w.join());

    client(REST)
        .newPublishMessageCommand()
        .messageName("Paid")
        .correlationKey("waiting")
        .send()
        .join();
    awaitProcessCompleted(w.message());

    long early = start(GRPC, "pay", Map.of("orderId", "early")).getProcessInstanceKey();
    records.await(
        MessageCorrelated.class,
        c -> c.processInstanceKey() == early && c.messageKey() == w.bufferedMessage());
    awaitProcessCompleted(early);

    client(GRPC).newBroadcastSignalCommand().signalName("Go").send().join();
    awaitProcessCompleted(w.signal());

    client(REST).newUpdateRetriesCommand(w.brokenJob()).retries(1).send().join();
    client(REST).newResolveIncidentCommand(w.incident()).send().join();
    completeJob(REST, "broken", Map.of());
    awaitProcessCompleted(w.broken());

    // time-driven waits: nothing is due before the clock moves, everything is after
    assertThat(pollOnce("lease")).isEmpty();
    assertThat(pollOnce("flaky")).isEmpty();
    clock.advance(Duration.ofHours(1));
    awaitProcessCompleted(w.timer());
    ActivatedJob lease = activateOne(GRPC, "lease");
    assertThat(lease.getKey()).isEqualTo(w.leasedJob());
    client(GRPC).newCompleteCommand(lease.getKey()).send().join();
    awaitProcessCompleted(w.lease());
    ActivatedJob flaky = activateOne(REST, "flaky");
    assertThat(flaky.getKey()).isEqualTo(w.flakyJob());
    assertThat(flaky.getRetries()).isEqualTo(2);
    client(REST).newCompleteCommand(flaky.getKey()).send().join();
    awaitProcessCompleted(w.flaky());
  }

  // ---- helpers

  private void deployAll(BpmnModelInstance... models) {
    var command = client(REST).newDeployResourceCommand().addProcessModel(models[0], "p0.bpmn");
    for (int i = 1; i < models.length; i++) {
      command = command.addProcessModel(models[i], "p" + i + ".bpmn");
    }
    command.send().join();
  }

  /** A short long-poll: empty means nothing of the type is activatable now. */
  private List<ActivatedJob> pollOnce(String type) {
    return client(REST)
        .newActivateJobsCommand()
        .jobType(type)
        .maxJobsToActivate(10)
        .requestTimeout(Duration.ofMillis(200))
        .send()
        .join()
        .getJobs();
  }

  /** Activates every activatable job of a type; returns their process instance keys. */
  private Set<Long> activateAll(String type) {
    Set<Long> instances = new HashSet<>();
    List<ActivatedJob> batch;
    while (!(batch = pollOnce(type)).isEmpty()) {
      batch.forEach(j -> instances.add(j.getProcessInstanceKey()));
    }
    return instances;
  }

  private static String asJson(Map<String, Object> variables) {
    try {
      return JSON.writeValueAsString(variables);
    } catch (JsonProcessingException e) {
      throw new AssertionError(e);
    }
  }

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

  private String dump() {
    return engine.processor().read(s -> new StateSnapshotCodec().canonicalJson(s)).join();
  }

  private long position() {
    return engine.processor().read(EngineState::position).join();
  }

  private String recoverAndDump(Path dir) throws IOException {
    startEngineOn(dir);
    try {
      return dump();
    } finally {
      engine.close();
      engine = null;
    }
  }

  private static void prepare(Path dir, Recovery recovery, long position) throws IOException {
    switch (recovery) {
      case FINAL_SNAPSHOT -> assertThat(snapshotPositions(dir)).first().isEqualTo(position);
      case SNAPSHOT_AND_REPLAY -> {
        List<Long> snapshots = snapshotPositions(dir);
        Files.delete(snapshotFile(dir, snapshots.getFirst()));
        // what is left must be a real, older snapshot, or this would test the pure replay
        assertThat(snapshotPositions(dir)).hasSize(1).first().isNotEqualTo(0L);
        assertThat(snapshotPositions(dir).getFirst()).isLessThan(position);
      }
      case JOURNAL_REPLAY -> deleteSnapshots(dir);
    }
  }

  /** Snapshot positions, newest first. */
  private static List<Long> snapshotPositions(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir.resolve("snapshots"))) {
      return files
          .map(f -> f.getFileName().toString())
          .filter(n -> n.endsWith(".snapshot"))
          .map(n -> Long.parseLong(n.substring(0, n.indexOf('.'))))
          .sorted(Comparator.reverseOrder())
          .toList();
    }
  }

  private static Path snapshotFile(Path dir, long position) {
    return dir.resolve("snapshots").resolve("%020d.snapshot".formatted(position));
  }

  private static void deleteSnapshots(Path dir) throws IOException {
    for (long position : snapshotPositions(dir)) {
      Files.delete(snapshotFile(dir, position));
    }
  }

  private static Path lastSegment(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir.resolve("journal"))) {
      return files
          .filter(f -> f.getFileName().toString().endsWith(".log"))
          .max(Comparator.comparing(f -> f.getFileName().toString()))
          .orElseThrow();
    }
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path source : (Iterable<Path>) files::iterator) {
        Files.copy(source, to.resolve(from.relativize(source).toString()));
      }
    }
  }
}
