package io.orderhub.engine.bpmn;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.builder.ProcessBuilder;
import io.orderhub.engine.record.EngineEvent.ElementActivating;
import io.orderhub.engine.record.EngineEvent.ElementTerminated;
import io.orderhub.engine.record.EngineEvent.MessageSubscriptionOpened;
import io.orderhub.engine.testing.EngineTestBase;
import io.orderhub.engine.testing.Transport;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Embedded subprocesses and event subprocesses (message, timer, error, escalation starts). */
class SubProcessTest extends EngineTestBase {

  @ParameterizedTest
  @EnumSource(Transport.class)
  void shouldKeepSubprocessLocalVariablesInsideIt(Transport transport) {
    deploy(
        transport,
        Bpmn.createExecutableProcess("scoped")
            .startEvent()
            .subProcess(
                "package",
                s ->
                    s.zeebeInputExpression("\"P-1\"", "packageNo")
                        .embeddedSubProcess()
                        .startEvent()
                        .serviceTask("label", t -> t.zeebeJobType("label"))
                        .endEvent())
            .serviceTask("after", t -> t.zeebeJobType("after"))
            .endEvent()
            .done());
    start(transport, "scoped", Map.of("orderId", "o"));

    ActivatedJob label = activateOne(transport, "label");
    assertThat(label.getVariablesAsMap())
        .containsEntry("packageNo", "P-1")
        .containsEntry("orderId", "o");
    client(transport)
        .newCompleteCommand(label.getKey())
        .variables(Map.of("labelled", true))
        .send()
        .join();

    ActivatedJob after = activateOne(transport, "after");
    assertThat(after.getVariablesAsMap())
        .containsEntry("labelled", true)
        .doesNotContainKey("packageNo");
  }

  private static ProcessBuilder withCancelSubprocess(boolean interrupting) {
    ProcessBuilder process = Bpmn.createExecutableProcess("fulfil");
    process
        .eventSubProcess("cancelFlow")
        .startEvent("cancelRequested")
        .interrupting(interrupting)
        .message(m -> m.name("Cancel").zeebeCorrelationKeyExpression("orderId"))
        .serviceTask("undo", t -> t.zeebeJobType("undo"))
        .endEvent();
    return process;
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void shouldInterruptTheProcessFromAnEventSubprocess(Transport transport) {
    ProcessBuilder process = withCancelSubprocess(true);
    deploy(
        transport,
        process.startEvent().serviceTask("pack", t -> t.zeebeJobType("pack")).endEvent().done());
    ProcessInstanceEvent instance = start(transport, "fulfil", Map.of("orderId", "c-1"));
    records.await(MessageSubscriptionOpened.class);
    activateOne(transport, "pack");

    client(transport)
        .newPublishMessageCommand()
        .messageName("Cancel")
        .correlationKey("c-1")
        .variables(Map.of("reason", "changed mind"))
        .send()
        .join();

    ActivatedJob undo = activateOne(transport, "undo");
    assertThat(undo.getVariablesAsMap()).containsEntry("reason", "changed mind");
    assertThat(records.events(ElementTerminated.class))
        .extracting(ElementTerminated::key)
        .isNotEmpty();
    client(transport).newCompleteCommand(undo.getKey()).send().join();
    awaitProcessCompleted(instance.getProcessInstanceKey());
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void shouldRunANonInterruptingEventSubprocessBesideTheMainFlow(Transport transport) {
    ProcessBuilder process = withCancelSubprocess(false);
    deploy(
        transport,
        process.startEvent().serviceTask("pack", t -> t.zeebeJobType("pack")).endEvent().done());
    ProcessInstanceEvent instance = start(transport, "fulfil", Map.of("orderId", "n-1"));
    records.await(MessageSubscriptionOpened.class);

    client(transport)
        .newPublishMessageCommand()
        .messageName("Cancel")
        .correlationKey("n-1")
        .send()
        .join();
    completeJob(transport, "undo", Map.of());
    completeJob(transport, "pack", Map.of());

    awaitProcessCompleted(instance.getProcessInstanceKey());
    assertThat(records.events(ElementTerminated.class)).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void shouldStartATimerEventSubprocess(Transport transport) {
    ProcessBuilder process = Bpmn.createExecutableProcess("sla");
    process
        .eventSubProcess("late")
        .startEvent("tooLate")
        .timerWithDuration("PT1H")
        .serviceTask("escalate", t -> t.zeebeJobType("escalate"))
        .endEvent();
    deploy(
        transport,
        process.startEvent().serviceTask("work", t -> t.zeebeJobType("work")).endEvent().done());
    ProcessInstanceEvent instance = start(transport, "sla", Map.of());
    records.await(io.orderhub.engine.record.EngineEvent.TimerCreated.class);

    clock.advance(Duration.ofHours(1));

    assertThat(activateOne(transport, "escalate").getProcessInstanceKey())
        .isEqualTo(instance.getProcessInstanceKey());
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void shouldCatchAnErrorInAnErrorEventSubprocess(Transport transport) {
    ProcessBuilder process = Bpmn.createExecutableProcess("declined");
    process
        .eventSubProcess("onDecline")
        .startEvent("declinedStart")
        .error("PAYMENT_DECLINED")
        .serviceTask("notifyCustomer", t -> t.zeebeJobType("notify"))
        .endEvent();
    deploy(
        transport,
        process
            .startEvent()
            .serviceTask("charge", t -> t.zeebeJobType("charge"))
            .endEvent()
            .done());
    ProcessInstanceEvent instance = start(transport, "declined", Map.of());
    ActivatedJob charge = activateOne(transport, "charge");

    client(transport)
        .newThrowErrorCommand(charge.getKey())
        .errorCode("PAYMENT_DECLINED")
        .send()
        .join();
    completeJob(transport, "notify", Map.of());

    awaitProcessCompleted(instance.getProcessInstanceKey());
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void shouldEscalateWithoutInterruptingAndCompleteWhenUncaught(Transport transport) {
    deploy(
        transport,
        Bpmn.createExecutableProcess("escalate")
            .startEvent()
            .parallelGateway("fork")
            .subProcess(
                "delivery",
                s ->
                    s.embeddedSubProcess()
                        .startEvent()
                        .intermediateThrowEvent("late", e -> e.escalation("LATE"))
                        .serviceTask("deliver", t -> t.zeebeJobType("deliver"))
                        .endEvent())
            .boundaryEvent("onLate", b -> b.cancelActivity(false).escalation("LATE"))
            .serviceTask("apologise", t -> t.zeebeJobType("apologise"))
            .endEvent()
            .moveToActivity("delivery")
            .endEvent()
            .moveToNode("fork")
            .intermediateThrowEvent("nobodyListens", e -> e.escalation("OTHER"))
            .endEvent("uncaughtDone")
            .done());
    ProcessInstanceEvent instance = start(transport, "escalate", Map.of());

    completeJob(transport, "apologise", Map.of());
    completeJob(transport, "deliver", Map.of());

    awaitProcessCompleted(instance.getProcessInstanceKey());
    assertThat(
            records.events(ElementActivating.class).stream()
                .anyMatch(e -> e.elementId().equals("uncaughtDone")))
        .isTrue();
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void shouldJumpFromALinkThrowToItsCatch(Transport transport) {
    var model =
        Bpmn.createExecutableProcess("link")
            .startEvent()
            .intermediateThrowEvent("goTo", e -> e.link("skip"))
            .sequenceFlowId("cut")
            .intermediateCatchEvent("landed", e -> e.link("skip"))
            .serviceTask("target", t -> t.zeebeJobType("target"))
            .endEvent()
            .done();
    // a link pair has no flow between them: cut the one the builder drew
    io.camunda.zeebe.model.bpmn.instance.SequenceFlow cut = model.getModelElementById("cut");
    cut.getSource().getOutgoing().remove(cut);
    cut.getTarget().getIncoming().remove(cut);
    model
        .getModelElementsByType(io.camunda.zeebe.model.bpmn.instance.bpmndi.BpmnEdge.class)
        .stream()
        .filter(edge -> edge.getBpmnElement() == cut)
        .toList()
        .forEach(edge -> edge.getParentElement().removeChildElement(edge));
    cut.getParentElement().removeChildElement(cut);
    deploy(transport, model);

    ProcessInstanceEvent instance = start(transport, "link", Map.of());

    assertThat(activateOne(transport, "target").getProcessInstanceKey())
        .isEqualTo(instance.getProcessInstanceKey());
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void shouldTerminateOnlyInsideTheSubprocess(Transport transport) {
    deploy(
        transport,
        Bpmn.createExecutableProcess("term")
            .startEvent()
            .subProcess(
                "sub",
                s ->
                    s.embeddedSubProcess()
                        .startEvent()
                        .parallelGateway("fork")
                        .serviceTask("slow", t -> t.zeebeJobType("slow"))
                        .endEvent()
                        .moveToNode("fork")
                        .endEvent("stop", e -> e.terminate()))
            .serviceTask("after", t -> t.zeebeJobType("after"))
            .endEvent()
            .done());

    start(transport, "term", Map.of());

    activateOne(transport, "after");
    assertThat(records.events(ElementTerminated.class)).hasSize(1);
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void shouldCatchAnEscalationInAnEscalationEventSubprocess(Transport transport) {
    ProcessBuilder process = Bpmn.createExecutableProcess("esc-esp");
    process
        .eventSubProcess("onLate")
        .startEvent("lateStart")
        .interrupting(false)
        .escalation("LATE")
        .serviceTask("notify", t -> t.zeebeJobType("notify-late"))
        .endEvent();
    deploy(
        transport,
        process
            .startEvent()
            .intermediateThrowEvent("late", e -> e.escalation("LATE"))
            .serviceTask("deliver", t -> t.zeebeJobType("deliver"))
            .endEvent()
            .done());
    ProcessInstanceEvent instance = start(transport, "esc-esp", Map.of());

    completeJob(transport, "notify-late", Map.of());
    completeJob(transport, "deliver", Map.of());

    awaitProcessCompleted(instance.getProcessInstanceKey());
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void shouldStartASignalEventSubprocess(Transport transport) {
    ProcessBuilder process = Bpmn.createExecutableProcess("signal-esp");
    process
        .eventSubProcess("onRecall")
        .startEvent("recallStart")
        .signal("Recall")
        .serviceTask("recall", t -> t.zeebeJobType("recall"))
        .endEvent();
    deploy(
        transport,
        process.startEvent().serviceTask("work", t -> t.zeebeJobType("work")).endEvent().done());
    ProcessInstanceEvent instance = start(transport, "signal-esp", Map.of());
    records.await(io.orderhub.engine.record.EngineEvent.SignalSubscriptionOpened.class);

    client(transport).newBroadcastSignalCommand().signalName("Recall").send().join();
    completeJob(transport, "recall", Map.of());

    awaitProcessCompleted(instance.getProcessInstanceKey());
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void shouldEvaluateAnEscalationCodeGivenAsFeelWhenThrown(Transport transport) {
    deploy(
        transport,
        Bpmn.createExecutableProcess("escalate-feel")
            .startEvent()
            .subProcess(
                "delivery",
                s ->
                    s.embeddedSubProcess()
                        .startEvent()
                        .intermediateThrowEvent("late", e -> e.escalation("=\"LATE-\" + carrier"))
                        .serviceTask("deliver", t -> t.zeebeJobType("deliver"))
                        .endEvent())
            .boundaryEvent("onLateDhl", b -> b.escalation("LATE-DHL"))
            .serviceTask("apologise", t -> t.zeebeJobType("apologise"))
            .endEvent()
            .moveToActivity("delivery")
            .endEvent()
            .done());

    ProcessInstanceEvent instance = start(transport, "escalate-feel", Map.of("carrier", "DHL"));

    // the code is "LATE-DHL" only once evaluated; the literal text would reach no catch event
    records.await(
        ElementActivating.class,
        e ->
            e.elementId().equals("apologise")
                && e.processInstanceKey() == instance.getProcessInstanceKey());
  }
}
