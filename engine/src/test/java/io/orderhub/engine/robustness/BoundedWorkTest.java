package io.orderhub.engine.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.response.ProcessInstanceEvent;
import io.orderhub.engine.record.EngineEvent.ElementTerminated;
import io.orderhub.engine.record.EngineEvent.IncidentCreated;
import io.orderhub.engine.record.EngineEvent.VariableCreated;
import io.orderhub.engine.record.EngineEvent.VariableUpdated;
import io.orderhub.engine.testing.EngineTestBase;
import io.orderhub.engine.testing.Transport;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Work per step is bounded: a FEEL evaluation has a time and size budget, an element loop without a
 * wait state moves on in later batches, and large valid work does not hold the processing thread,
 * so other instances keep moving and a cancel always gets through.
 */
class BoundedWorkTest extends EngineTestBase {

  // generous for a shared, loaded build machine; the measured figure is printed
  private static final Duration MAX_STALL = Duration.ofSeconds(5);

  @Test
  void shouldRaiseAnIncidentWhenAnEvaluationExceedsItsTimeBudget() throws Exception {
    // given
    deployXml(
        "endless-feel",
        HostileModels.script("endless-feel", io.orderhub.engine.feel.FeelBudgetTest.ENDLESS));
    deployXml("probe", HostileModels.definitions(HostileModels.process("probe", 0)));

    // when
    long started = System.nanoTime();
    ProcessInstanceEvent instance = start(Transport.REST, "endless-feel", Map.of());

    // then
    IncidentCreated incident =
        records.await(
            IncidentCreated.class, i -> i.processInstanceKey() == instance.getProcessInstanceKey());
    System.out.printf(
        "FEEL budget: incident after %d ms%n",
        Duration.ofNanos(System.nanoTime() - started).toMillis());
    assertThat(incident.errorMessage()).contains("longer than its budget of 1000 ms");
    awaitProcessCompleted(start(Transport.GRPC, "probe", Map.of()).getProcessInstanceKey());
  }

  @Test
  void shouldRaiseAnIncidentWhenAResultExceedsItsSizeBudget() {
    // given: 50 strings of 100,000 characters joined
    String chunk = "z".repeat(100_000);
    deployXml(
        "huge",
        HostileModels.script(
            "huge", "string length(string join(for x in 1..50 return \"" + chunk + "\"))"));
    deployXml(
        "huge-result",
        HostileModels.script(
            "huge-result", "string join(for x in 1..50 return \"" + chunk + "\")"));

    // then: a small result of a large intermediate is fine, a large result is not
    ProcessInstanceEvent fine = start(Transport.REST, "huge", Map.of());
    awaitProcessCompleted(fine.getProcessInstanceKey());
    assertThat(lastValue(fine.getProcessInstanceKey(), "result")).isEqualTo(5_000_000L);
    ProcessInstanceEvent tooLarge = start(Transport.REST, "huge-result", Map.of());
    IncidentCreated incident =
        records.await(
            IncidentCreated.class, i -> i.processInstanceKey() == tooLarge.getProcessInstanceKey());
    assertThat(incident.errorMessage()).contains("more than 4194304 characters");
  }

  @Test
  void shouldKeepOtherInstancesMovingAndLetACancelThroughAnEndlessLoop() throws Exception {
    // given
    deployXml("endless", HostileModels.loop("endless", Long.MAX_VALUE));
    deployXml("probe", HostileModels.definitions(HostileModels.process("probe", 0)));
    long hostile = start(Transport.REST, "endless", Map.of()).getProcessInstanceKey();
    records.await(VariableUpdated.class, v -> loopCount(v, hostile) >= 2_000);

    // when
    Duration worst;
    try (StallProbe probe = new StallProbe(client(Transport.GRPC), "probe")) {
      records.await(VariableUpdated.class, v -> loopCount(v, hostile) >= 6_000);
      worst = probe.stop();
      System.out.printf(
          "endless loop: %d probe instances, worst stall %d ms%n",
          probe.completed(), worst.toMillis());
      assertThat(probe.completed()).isPositive();
    }

    // then
    assertThat(worst).isLessThan(MAX_STALL);
    client(Transport.REST).newCancelInstanceCommand(hostile).send().join();
    records.await(ElementTerminated.class, e -> e.key() == hostile);
  }

  @Test
  void shouldResumeALoopAfterARestartAndStillLetACancelThrough() throws Exception {
    // given
    deployXml("endless", HostileModels.loop("endless", Long.MAX_VALUE));
    long hostile = start(Transport.REST, "endless", Map.of()).getProcessInstanceKey();
    records.await(VariableUpdated.class, v -> loopCount(v, hostile) >= 2_000);

    // when
    restartEngine();

    // then: the loop goes on where the journal left it, and a cancel gets through
    records.await(VariableUpdated.class, v -> v.processInstanceKey() == hostile);
    client(Transport.GRPC).newCancelInstanceCommand(hostile).send().join();
    records.await(ElementTerminated.class, e -> e.key() == hostile);
  }

  @Test
  void shouldCompleteALongLoopAcrossBatches() {
    // given
    deployXml("finite", HostileModels.loop("finite", 5_000));

    // when
    long key = start(Transport.REST, "finite", Map.of()).getProcessInstanceKey();

    // then
    awaitProcessCompleted(key);
    assertThat(lastValue(key, "n")).isEqualTo(5_000L);
  }

  @Test
  void shouldNotStallOtherInstancesWhileLargeValidWorkRuns() throws Exception {
    // given
    deployXml("probe", HostileModels.definitions(HostileModels.process("probe", 0)));
    Duration worst;
    try (StallProbe probe = new StallProbe(client(Transport.GRPC), "probe")) {
      // when: a deployment of 100 resources, and a process of 1,000 tasks
      var deployment = client(Transport.REST).newDeployResourceCommand();
      var step =
          deployment.addResourceBytes(
              HostileModels.definitions(HostileModels.process("r0", 0)), "r0.bpmn");
      for (int i = 1; i < 100; i++) {
        step =
            step.addResourceBytes(
                HostileModels.definitions(HostileModels.process("r" + i, 0)), "r" + i + ".bpmn");
      }
      step.send().join();
      deployXml("tasks", HostileModels.longSequence("tasks", 1_000));
      long key = start(Transport.REST, "tasks", Map.of()).getProcessInstanceKey();
      awaitProcessCompleted(key);
      worst = probe.stop();
      System.out.printf(
          "large valid work: %d probe instances, worst stall %d ms%n",
          probe.completed(), worst.toMillis());
    }

    // then
    assertThat(worst).isLessThan(MAX_STALL);
  }

  private static long loopCount(VariableUpdated update, long processInstanceKey) {
    return update.processInstanceKey() == processInstanceKey && update.value() instanceof Number n
        ? n.longValue()
        : -1;
  }

  private void deployXml(String name, byte[] xml) {
    client(Transport.REST)
        .newDeployResourceCommand()
        .addResourceBytes(xml, name + ".bpmn")
        .send()
        .join();
  }

  /** The value a variable of the instance was last set to, from the record log. */
  private Object lastValue(long processInstanceKey, String name) {
    Object value = null;
    for (var event : records.events()) {
      if (event instanceof VariableCreated c
          && c.processInstanceKey() == processInstanceKey
          && c.name().equals(name)) {
        value = c.value();
      } else if (event instanceof VariableUpdated u
          && u.processInstanceKey() == processInstanceKey
          && u.name().equals(name)) {
        value = u.value();
      }
    }
    return value;
  }
}
