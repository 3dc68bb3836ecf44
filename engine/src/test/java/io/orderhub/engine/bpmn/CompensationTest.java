package io.orderhub.engine.bpmn;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.response.ProcessInstanceEvent;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.builder.AbstractFlowNodeBuilder;
import io.camunda.zeebe.model.bpmn.builder.ProcessBuilder;
import io.orderhub.engine.record.EngineEvent.JobCreated;
import io.orderhub.engine.record.EngineEvent.MessageSubscriptionOpened;
import io.orderhub.engine.testing.EngineTestBase;
import io.orderhub.engine.testing.Transport;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** One test per compensation throw variant, plus the rules on what gets compensated. */
class CompensationTest extends EngineTestBase {

  /** reserve (undo: release) → charge (undo: refund) → [rest of the process] */
  private static AbstractFlowNodeBuilder<?, ?> saga(ProcessBuilder process) {
    return process
        .startEvent()
        .serviceTask("reserve", t -> t.zeebeJobType("reserve"))
        .boundaryEvent(
            "undoReserve",
            b -> b.compensation(c -> c.serviceTask("release").zeebeJobType("release")))
        .moveToActivity("reserve")
        .serviceTask("charge", t -> t.zeebeJobType("charge"))
        .boundaryEvent(
            "undoCharge", b -> b.compensation(c -> c.serviceTask("refund").zeebeJobType("refund")))
        .moveToActivity("charge");
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void shouldCompensateEveryCompletedActivityFromAnIntermediateThrow(Transport transport) {
    deploy(
        transport,
        saga(Bpmn.createExecutableProcess("throw-all"))
            .intermediateThrowEvent(
                "undoAll", e -> e.compensateEventDefinition().compensateEventDefinitionDone())
            .serviceTask("after", t -> t.zeebeJobType("after"))
            .endEvent()
            .done());
    ProcessInstanceEvent instance = start(transport, "throw-all", Map.of());
    completeJob(transport, "reserve", Map.of());
    completeJob(transport, "charge", Map.of());

    // the throw event waits for both handlers; most recently completed first
    assertThat(createdJobTypesAfter("charge")).containsExactly("refund", "release");
    completeJob(transport, "refund", Map.of());
    assertThat(jobWaiting(transport, "after")).isFalse();
    completeJob(transport, "release", Map.of());
    completeJob(transport, "after", Map.of());
    awaitProcessCompleted(instance.getProcessInstanceKey());
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void shouldCompensateFromAnEndEventOnlyWhatCompleted(Transport transport) {
    deploy(
        transport,
        saga(Bpmn.createExecutableProcess("end-throw"))
            .exclusiveGateway("paid")
            .conditionExpression("ok")
            .endEvent("fine")
            .moveToLastExclusiveGateway()
            .defaultFlow()
            .endEvent(
                "rollback", e -> e.compensateEventDefinition().compensateEventDefinitionDone())
            .done());
    ProcessInstanceEvent instance = start(transport, "end-throw", Map.of("ok", false));
    completeJob(transport, "reserve", Map.of());
    completeJob(transport, "charge", Map.of());

    completeJob(transport, "refund", Map.of());
    completeJob(transport, "release", Map.of());

    awaitProcessCompleted(instance.getProcessInstanceKey());
    assertThat(count("refund")).isEqualTo(1);
    assertThat(count("release")).isEqualTo(1);
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void shouldCompensateOnlyTheNamedActivity(Transport transport) {
    deploy(
        transport,
        saga(Bpmn.createExecutableProcess("ref"))
            .intermediateThrowEvent(
                "refundOnly",
                e ->
                    e.compensateEventDefinition()
                        .activityRef("charge")
                        .compensateEventDefinitionDone())
            .endEvent()
            .done());
    ProcessInstanceEvent instance = start(transport, "ref", Map.of());
    completeJob(transport, "reserve", Map.of());
    completeJob(transport, "charge", Map.of());

    completeJob(transport, "refund", Map.of());

    awaitProcessCompleted(instance.getProcessInstanceKey());
    assertThat(count("release")).isZero();
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void shouldCompensateInsideASubprocessOnlyItsOwnActivities(Transport transport) {
    deploy(
        transport,
        Bpmn.createExecutableProcess("inside")
            .startEvent()
            .serviceTask("outerStep", t -> t.zeebeJobType("outer"))
            .boundaryEvent(
                "undoOuter",
                b -> b.compensation(c -> c.serviceTask("undoOuterTask").zeebeJobType("undo-outer")))
            .moveToActivity("outerStep")
            .subProcess(
                "sub",
                s ->
                    s.embeddedSubProcess()
                        .startEvent()
                        .serviceTask("innerStep", t -> t.zeebeJobType("inner"))
                        .boundaryEvent(
                            "undoInner",
                            b ->
                                b.compensation(
                                    c -> c.serviceTask("undoInnerTask").zeebeJobType("undo-inner")))
                        .moveToActivity("innerStep")
                        .intermediateThrowEvent(
                            "undoHere",
                            e -> e.compensateEventDefinition().compensateEventDefinitionDone())
                        .endEvent())
            .endEvent()
            .done());
    ProcessInstanceEvent instance = start(transport, "inside", Map.of());
    completeJob(transport, "outer", Map.of());
    completeJob(transport, "inner", Map.of());

    completeJob(transport, "undo-inner", Map.of());

    awaitProcessCompleted(instance.getProcessInstanceKey());
    assertThat(count("undo-outer")).isZero();
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void shouldCompensateACompletedSubprocessFromOutside(Transport transport) {
    deploy(
        transport,
        Bpmn.createExecutableProcess("outside")
            .startEvent()
            .subProcess(
                "sub",
                s ->
                    s.embeddedSubProcess()
                        .startEvent()
                        .serviceTask("innerStep", t -> t.zeebeJobType("inner"))
                        .boundaryEvent(
                            "undoInner",
                            b ->
                                b.compensation(
                                    c -> c.serviceTask("undoInnerTask").zeebeJobType("undo-inner")))
                        .moveToActivity("innerStep")
                        .endEvent())
            .intermediateThrowEvent(
                "undoAll", e -> e.compensateEventDefinition().compensateEventDefinitionDone())
            .endEvent()
            .done());
    ProcessInstanceEvent instance = start(transport, "outside", Map.of());
    completeJob(transport, "inner", Map.of());

    completeJob(transport, "undo-inner", Map.of());

    awaitProcessCompleted(instance.getProcessInstanceKey());
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void shouldCompensateTheCompletedStepsWhenAnEventSubprocessCancels(Transport transport) {
    ProcessBuilder process = Bpmn.createExecutableProcess("cancel");
    process
        .eventSubProcess("onCancel")
        .startEvent("cancelRequested")
        .message(m -> m.name("Cancel").zeebeCorrelationKeyExpression("orderId"))
        .intermediateThrowEvent(
            "compensate", e -> e.compensateEventDefinition().compensateEventDefinitionDone())
        .serviceTask("markCancelled", t -> t.zeebeJobType("cancelled"))
        .endEvent();
    deploy(
        transport,
        saga(process).serviceTask("ship", t -> t.zeebeJobType("ship")).endEvent().done());
    ProcessInstanceEvent instance = start(transport, "cancel", Map.of("orderId", "o-1"));
    records.await(MessageSubscriptionOpened.class);
    completeJob(transport, "reserve", Map.of());
    // charge is running, not completed: it must not be compensated
    activateOne(transport, "charge");

    client(transport)
        .newPublishMessageCommand()
        .messageName("Cancel")
        .correlationKey("o-1")
        .send()
        .join();

    completeJob(transport, "release", Map.of());
    completeJob(transport, "cancelled", Map.of());
    awaitProcessCompleted(instance.getProcessInstanceKey());
    assertThat(count("refund")).isZero();
    assertThat(count("release")).isEqualTo(1);
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void shouldCompensateEachCompletedMultiInstanceItemOnce(Transport transport) {
    deploy(
        transport,
        Bpmn.createExecutableProcess("mi")
            .startEvent()
            .serviceTask(
                "dispatch",
                t ->
                    t.zeebeJobType("dispatch")
                        .multiInstance(
                            m ->
                                m.parallel()
                                    .zeebeInputCollectionExpression("packages")
                                    .zeebeInputElement("p")))
            .boundaryEvent(
                "undoDispatch",
                b -> b.compensation(c -> c.serviceTask("recall").zeebeJobType("recall")))
            .moveToActivity("dispatch")
            .intermediateThrowEvent(
                "undo", e -> e.compensateEventDefinition().compensateEventDefinitionDone())
            .intermediateThrowEvent(
                "undoAgain", e -> e.compensateEventDefinition().compensateEventDefinitionDone())
            .endEvent()
            .done());
    ProcessInstanceEvent instance = start(transport, "mi", Map.of("packages", List.of(1, 2)));
    completeJob(transport, "dispatch", Map.of());
    completeJob(transport, "dispatch", Map.of());

    completeJob(transport, "recall", Map.of());
    completeJob(transport, "recall", Map.of());

    // the second throw finds nothing left to compensate: each completion is compensated once
    awaitProcessCompleted(instance.getProcessInstanceKey());
    assertThat(count("recall")).isEqualTo(2);
  }

  private long count(String jobType) {
    return records.events(JobCreated.class).stream().filter(j -> j.type().equals(jobType)).count();
  }

  private List<String> createdJobTypesAfter(String type) {
    records.await(JobCreated.class, j -> j.type().equals("release"));
    List<String> types = records.events(JobCreated.class).stream().map(JobCreated::type).toList();
    return types.subList(types.indexOf(type) + 1, types.size());
  }

  private boolean jobWaiting(Transport transport, String type) {
    return !client(transport)
        .newActivateJobsCommand()
        .jobType(type)
        .maxJobsToActivate(1)
        .requestTimeout(Duration.ofMillis(100))
        .send()
        .join()
        .getJobs()
        .isEmpty();
  }
}
