package io.orderhub.engine.bpmn;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.orderhub.engine.record.EngineEvent.ElementTerminated;
import io.orderhub.engine.record.EngineEvent.JobCreated;
import io.orderhub.engine.testing.EngineTestBase;
import io.orderhub.engine.testing.Transport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MultiInstanceTest extends EngineTestBase {

  private static BpmnModelInstance dispatch(boolean sequential, String completionCondition) {
    return Bpmn.createExecutableProcess("dispatch")
        .startEvent()
        .serviceTask(
            "ship",
            t -> {
              t.zeebeJobType("ship");
              var loop =
                  t.multiInstance()
                      .zeebeInputCollectionExpression("packages")
                      .zeebeInputElement("package")
                      .zeebeOutputCollection("trackingNumbers")
                      .zeebeOutputElementExpression("tracking");
              if (sequential) {
                loop.sequential();
              } else {
                loop.parallel();
              }
              if (completionCondition != null) {
                loop.completionCondition(completionCondition);
              }
            })
        .serviceTask("done", t -> t.zeebeJobType("done"))
        .endEvent()
        .done();
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void shouldRunOneInstancePerItemInParallelAndCollectOutputsInOrder(Transport transport) {
    deploy(transport, dispatch(false, null));
    start(transport, "dispatch", Map.of("packages", List.of("p1", "p2", "p3")));

    List<ActivatedJob> jobs = activateAll(transport, "ship", 3);
    assertThat(jobs)
        .extracting(j -> j.getVariablesAsMap().get("package"))
        .containsExactlyInAnyOrder("p1", "p2", "p3");
    for (ActivatedJob job : jobs.reversed()) {
      client(transport)
          .newCompleteCommand(job.getKey())
          .variables(Map.of("tracking", "T-" + job.getVariablesAsMap().get("package")))
          .send()
          .join();
    }

    ActivatedJob done = activateOne(transport, "done");
    assertThat(done.getVariablesAsMap().get("trackingNumbers"))
        .isEqualTo(List.of("T-p1", "T-p2", "T-p3"));
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void shouldRunItemsOneAfterAnotherWhenSequential(Transport transport) {
    deploy(transport, dispatch(true, null));
    start(transport, "dispatch", Map.of("packages", List.of("a", "b")));

    ActivatedJob first = activateOne(transport, "ship");
    assertThat(first.getVariablesAsMap())
        .containsEntry("package", "a")
        .containsEntry("loopCounter", 1);
    assertThat(records.events(JobCreated.class)).hasSize(1);
    client(transport)
        .newCompleteCommand(first.getKey())
        .variables(Map.of("tracking", "A"))
        .send()
        .join();
    ActivatedJob second = activateOne(transport, "ship");
    assertThat(second.getVariablesAsMap())
        .containsEntry("package", "b")
        .containsEntry("loopCounter", 2);
    client(transport)
        .newCompleteCommand(second.getKey())
        .variables(Map.of("tracking", "B"))
        .send()
        .join();

    assertThat(activateOne(transport, "done").getVariablesAsMap().get("trackingNumbers"))
        .isEqualTo(List.of("A", "B"));
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void shouldStopEarlyWhenTheCompletionConditionHolds(Transport transport) {
    deploy(transport, dispatch(false, "=numberOfCompletedInstances >= 1"));
    start(transport, "dispatch", Map.of("packages", List.of("x", "y", "z")));

    List<ActivatedJob> jobs = activateAll(transport, "ship", 3);
    client(transport)
        .newCompleteCommand(jobs.get(0).getKey())
        .variables(Map.of("tracking", "X"))
        .send()
        .join();

    activateOne(transport, "done");
    assertThat(records.events(ElementTerminated.class)).hasSize(2);
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void shouldSkipTheBodyForAnEmptyCollection(Transport transport) {
    deploy(transport, dispatch(false, null));
    ProcessInstanceEvent instance = start(transport, "dispatch", Map.of("packages", List.of()));

    assertThat(activateOne(transport, "done").getVariablesAsMap().get("trackingNumbers"))
        .isEqualTo(List.of());
    assertThat(records.events(JobCreated.class)).hasSize(1);
    assertThat(instance).isNotNull();
  }

  private List<ActivatedJob> activateAll(Transport transport, String type, int count) {
    List<ActivatedJob> jobs = new ArrayList<>();
    while (jobs.size() < count) {
      jobs.addAll(
          client(transport)
              .newActivateJobsCommand()
              .jobType(type)
              .maxJobsToActivate(count - jobs.size())
              .requestTimeout(Duration.ofSeconds(5))
              .send()
              .join()
              .getJobs());
    }
    return jobs;
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void shouldRunASubprocessAndACallActivityPerItem(Transport transport) {
    deploy(
        transport,
        Bpmn.createExecutableProcess("pack-one")
            .startEvent()
            .serviceTask("pack", t -> t.zeebeJobType("pack"))
            .endEvent()
            .done());
    deploy(
        transport,
        Bpmn.createExecutableProcess("mi-scopes")
            .startEvent()
            .subProcess(
                "perPackage",
                s ->
                    s.multiInstance(
                            m ->
                                m.sequential()
                                    .zeebeInputCollectionExpression("packages")
                                    .zeebeInputElement("p"))
                        .embeddedSubProcess()
                        .startEvent()
                        .serviceTask("label", t -> t.zeebeJobType("label"))
                        .endEvent())
            .callActivity(
                "perItem",
                c ->
                    c.zeebeProcessId("pack-one")
                        .multiInstance(
                            m ->
                                m.parallel()
                                    .zeebeInputCollectionExpression("packages")
                                    .zeebeInputElement("p")))
            .endEvent()
            .done());
    ProcessInstanceEvent instance =
        start(transport, "mi-scopes", Map.of("packages", List.of("x", "y")));

    ActivatedJob first = activateOne(transport, "label");
    assertThat(first.getVariablesAsMap()).containsEntry("p", "x");
    client(transport).newCompleteCommand(first.getKey()).send().join();
    assertThat(activateOne(transport, "label").getVariablesAsMap()).containsEntry("p", "y");
    clock.advance(Duration.ofMinutes(10)); // the y job's first lease runs out
    completeJob(transport, "label", Map.of());
    List<ActivatedJob> packs = activateAll(transport, "pack", 2);
    assertThat(packs)
        .extracting(j -> j.getVariablesAsMap().get("p"))
        .containsExactlyInAnyOrder("x", "y");
    packs.forEach(j -> client(transport).newCompleteCommand(j.getKey()).send().join());

    awaitProcessCompleted(instance.getProcessInstanceKey());
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void shouldKeepTheOutputElementVariableLocalToEachInnerInstance(Transport transport) {
    deploy(transport, dispatch(false, null));
    ProcessInstanceEvent instance =
        start(transport, "dispatch", Map.of("packages", List.of("p1", "p2")));

    List<ActivatedJob> jobs = activateAll(transport, "ship", 2);
    // each inner instance starts with its own output variable, set to null
    assertThat(jobs).allSatisfy(job -> assertThat(job.getVariablesAsMap()).containsKey("tracking"));
    assertThat(jobs)
        .allSatisfy(job -> assertThat(job.getVariablesAsMap().get("tracking")).isNull());
    for (ActivatedJob job : jobs) {
      client(transport)
          .newCompleteCommand(job.getKey())
          .variables(Map.of("tracking", "T-" + job.getVariablesAsMap().get("package")))
          .send()
          .join();
    }

    ActivatedJob done = activateOne(transport, "done");
    assertThat(done.getVariablesAsMap())
        .doesNotContainKey("tracking")
        .containsEntry("trackingNumbers", List.of("T-p1", "T-p2"));
    assertThat(variablesOf(instance.getProcessInstanceKey())).doesNotContainKey("tracking");
  }
}
