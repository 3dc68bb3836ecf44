package io.orderhub.engine.recovery;

import static io.orderhub.engine.testing.Transport.GRPC;
import static io.orderhub.engine.testing.Transport.REST;
import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.builder.ProcessBuilder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 with instances waiting in every kind of element Engine II added — a boundary timer, an
 * event subprocess subscription, a called child process, a multi-instance body half done, a
 * completed compensable step, a conditional catch event and a signal boundary event — then a
 * restart on the same data directory: each one continues from where it was.
 */
class SagaCrashRecoveryTest {

  @TempDir Path temp;

  @Test
  void shouldContinueEveryKindOfWaitingElementAfterAKill() throws Exception {
    Path data = temp.resolve("data");
    List<ChildEngine> engines = new ArrayList<>();
    try {
      ChildEngine first = ChildEngine.start(data, temp.resolve("engine-1.log"), null);
      engines.add(first);
      Waiting waiting = putInstancesToWait(first.client(GRPC));
      first.kill();

      ChildEngine second = ChildEngine.start(data, temp.resolve("engine-2.log"), null);
      engines.add(second);
      verifyTheyContinue(second.client(REST), second.client(GRPC), waiting);
      second.stop();
    } catch (Throwable failure) {
      StringBuilder logs = new StringBuilder();
      engines.forEach(e -> logs.append("\n--- ").append(e.log).append(" ---\n").append(e.output()));
      System.err.println(logs);
      throw failure;
    } finally {
      engines.forEach(ChildEngine::close);
    }
  }

  private record Waiting(
      long boundaryTimer,
      long eventSubprocess,
      long caller,
      long multiInstance,
      long compensable,
      long conditional,
      long signal) {}

  private Waiting putInstancesToWait(CamundaClient client) {
    deploy(client, models());
    long boundaryTimer = create(client, "boundary-timer", Map.of());
    long eventSubprocess = create(client, "esp", Map.of("orderId", "esp-1"));
    long caller = create(client, "caller", Map.of());
    long multiInstance = create(client, "mi", Map.of("items", List.of("a", "b", "c")));
    long compensable = create(client, "compensable", Map.of("orderId", "comp-1"));
    long conditional = create(client, "conditional", Map.of("ready", false));
    long signal = create(client, "signal", Map.of());

    // progress some of them before the kill so their state is half way
    complete(client, activateAll(client, "mi-item", 3).get(0), Map.of("out", "A"));
    complete(client, activateAll(client, "comp-step", 1).get(0), Map.of());
    activateAll(client, "child-work", 1); // the child's job is leased when the engine dies
    activateAll(client, "comp-wait", 1);
    activateAll(client, "esp-main", 1);
    return new Waiting(
        boundaryTimer, eventSubprocess, caller, multiInstance, compensable, conditional, signal);
  }

  private void verifyTheyContinue(CamundaClient rest, CamundaClient grpc, Waiting waiting) {
    // the boundary timer (PT2S) fires on the system clock of the restarted engine
    assertThat(awaitJob(grpc, "after-timer").getProcessInstanceKey())
        .isEqualTo(waiting.boundaryTimer());

    // the event subprocess subscription was restored
    rest.newPublishMessageCommand().messageName("Cancel").correlationKey("esp-1").send().join();
    assertThat(awaitJob(rest, "esp-handler").getProcessInstanceKey())
        .isEqualTo(waiting.eventSubprocess());

    // the called child's job comes back once its lease ends; completing it completes the caller
    ActivatedJob child = awaitJob(grpc, "child-work");
    complete(grpc, child, Map.of("fromChild", 1));
    ActivatedJob afterCall = awaitJob(grpc, "after-call");
    assertThat(afterCall.getProcessInstanceKey()).isEqualTo(waiting.caller());
    assertThat(afterCall.getVariablesAsMap()).containsEntry("fromChild", 1);

    // the multi-instance body still knows its items and the output collected before the kill
    for (ActivatedJob item : activateAll(rest, "mi-item", 2)) {
      complete(
          rest, item, Map.of("out", item.getVariablesAsMap().get("item").toString().toUpperCase()));
    }
    ActivatedJob afterMi = awaitJob(rest, "after-mi");
    assertThat(afterMi.getProcessInstanceKey()).isEqualTo(waiting.multiInstance());
    assertThat(afterMi.getVariablesAsMap().get("outs")).isEqualTo(List.of("A", "B", "C"));

    // the step completed before the kill is compensated when the saga is cancelled now
    rest.newPublishMessageCommand().messageName("Cancel").correlationKey("comp-1").send().join();
    assertThat(awaitJob(rest, "comp-undo").getProcessInstanceKey())
        .isEqualTo(waiting.compensable());

    // the conditional catch event re-evaluates on the variable change
    grpc.newSetVariablesCommand(waiting.conditional())
        .variables(Map.of("ready", true))
        .send()
        .join();
    assertThat(awaitJob(grpc, "after-condition").getProcessInstanceKey())
        .isEqualTo(waiting.conditional());

    // the signal boundary subscription was restored
    grpc.newBroadcastSignalCommand().signalName("Recall").send().join();
    assertThat(awaitJob(grpc, "after-signal").getProcessInstanceKey()).isEqualTo(waiting.signal());
  }

  private static BpmnModelInstance[] models() {
    ProcessBuilder esp = Bpmn.createExecutableProcess("esp");
    esp.eventSubProcess("onCancel")
        .startEvent()
        .message(m -> m.name("Cancel").zeebeCorrelationKeyExpression("orderId"))
        .serviceTask("espHandler", t -> t.zeebeJobType("esp-handler"))
        .endEvent();
    ProcessBuilder compensable = Bpmn.createExecutableProcess("compensable");
    compensable
        .eventSubProcess("onCompCancel")
        .startEvent()
        .message(m -> m.name("Cancel").zeebeCorrelationKeyExpression("orderId"))
        .intermediateThrowEvent(
            "undo", e -> e.compensateEventDefinition().compensateEventDefinitionDone())
        .endEvent();
    return new BpmnModelInstance[] {
      Bpmn.createExecutableProcess("boundary-timer")
          .startEvent()
          .serviceTask("slow", t -> t.zeebeJobType("never"))
          .boundaryEvent("late", b -> b.timerWithDuration("PT2S"))
          .serviceTask("afterTimer", t -> t.zeebeJobType("after-timer"))
          .endEvent()
          .moveToActivity("slow")
          .endEvent()
          .done(),
      esp.startEvent().serviceTask("main", t -> t.zeebeJobType("esp-main")).endEvent().done(),
      Bpmn.createExecutableProcess("child")
          .startEvent()
          .serviceTask("childWork", t -> t.zeebeJobType("child-work"))
          .endEvent()
          .done(),
      Bpmn.createExecutableProcess("caller")
          .startEvent()
          .callActivity("call", c -> c.zeebeProcessId("child"))
          .serviceTask("afterCall", t -> t.zeebeJobType("after-call"))
          .endEvent()
          .done(),
      Bpmn.createExecutableProcess("mi")
          .startEvent()
          .serviceTask(
              "item",
              t ->
                  t.zeebeJobType("mi-item")
                      .multiInstance(
                          m ->
                              m.parallel()
                                  .zeebeInputCollectionExpression("items")
                                  .zeebeInputElement("item")
                                  .zeebeOutputCollection("outs")
                                  .zeebeOutputElementExpression("out")))
          .serviceTask("afterMi", t -> t.zeebeJobType("after-mi"))
          .endEvent()
          .done(),
      compensable
          .startEvent()
          .serviceTask("step", t -> t.zeebeJobType("comp-step"))
          .boundaryEvent(
              "undoStep",
              b -> b.compensation(c -> c.serviceTask("undoTask").zeebeJobType("comp-undo")))
          .moveToActivity("step")
          .serviceTask("wait", t -> t.zeebeJobType("comp-wait"))
          .endEvent()
          .done(),
      Bpmn.createExecutableProcess("conditional")
          .startEvent()
          .intermediateCatchEvent("whenReady", e -> e.condition("ready"))
          .serviceTask("afterCondition", t -> t.zeebeJobType("after-condition"))
          .endEvent()
          .done(),
      Bpmn.createExecutableProcess("signal")
          .startEvent()
          .serviceTask("ship", t -> t.zeebeJobType("never-ship"))
          .boundaryEvent("recall", b -> b.signal("Recall"))
          .serviceTask("afterSignal", t -> t.zeebeJobType("after-signal"))
          .endEvent()
          .moveToActivity("ship")
          .endEvent()
          .done()
    };
  }

  private static void deploy(CamundaClient client, BpmnModelInstance... models) {
    var command = client.newDeployResourceCommand().addProcessModel(models[0], "m0.bpmn");
    for (int i = 1; i < models.length; i++) {
      command = command.addProcessModel(models[i], "m" + i + ".bpmn");
    }
    command.send().join();
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

  private static List<ActivatedJob> activateAll(CamundaClient client, String type, int count) {
    List<ActivatedJob> jobs = new ArrayList<>();
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (jobs.size() < count && System.nanoTime() < deadline) {
      jobs.addAll(
          client
              .newActivateJobsCommand()
              .jobType(type)
              .maxJobsToActivate(count - jobs.size())
              .timeout(Duration.ofSeconds(3))
              .requestTimeout(Duration.ofSeconds(2))
              .send()
              .join()
              .getJobs());
    }
    assertThat(jobs).as("jobs of type " + type).hasSize(count);
    return jobs;
  }

  private static ActivatedJob awaitJob(CamundaClient client, String type) {
    return activateAll(client, type, 1).get(0);
  }

  private static void complete(CamundaClient client, ActivatedJob job, Map<String, Object> vars) {
    client.newCompleteCommand(job.getKey()).variables(vars).send().join();
  }
}
