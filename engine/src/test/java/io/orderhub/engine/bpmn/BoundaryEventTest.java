package io.orderhub.engine.bpmn;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.orderhub.engine.record.EngineEvent.ElementActivating;
import io.orderhub.engine.record.EngineEvent.JobCanceled;
import io.orderhub.engine.record.EngineEvent.MessageSubscriptionOpened;
import io.orderhub.engine.record.EngineEvent.SignalSubscriptionOpened;
import io.orderhub.engine.record.EngineEvent.TimerCreated;
import io.orderhub.engine.testing.EngineTestBase;
import io.orderhub.engine.testing.Transport;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class BoundaryEventTest extends EngineTestBase {

  @ParameterizedTest
  @EnumSource(Transport.class)
  void shouldInterruptATaskWhenItsTimerFires(Transport transport) {
    deploy(
        transport,
        Bpmn.createExecutableProcess("timeout")
            .startEvent()
            .serviceTask("pay", t -> t.zeebeJobType("pay"))
            .boundaryEvent("payTimeout", b -> b.timerWithDuration("PT30M"))
            .serviceTask("cancelUnpaid", t -> t.zeebeJobType("cancel"))
            .endEvent()
            .moveToActivity("pay")
            .endEvent("paid")
            .done());
    ProcessInstanceEvent instance = start(transport, "timeout", Map.of());
    records.await(TimerCreated.class);

    clock.advance(Duration.ofMinutes(30));

    ActivatedJob cancel = activateOne(transport, "cancel");
    assertThat(cancel.getProcessInstanceKey()).isEqualTo(instance.getProcessInstanceKey());
    assertThat(records.events(JobCanceled.class)).hasSize(1);
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void shouldRemindWithoutInterruptingOnANonInterruptingTimerCycle(Transport transport) {
    deploy(
        transport,
        Bpmn.createExecutableProcess("remind")
            .startEvent()
            .serviceTask("deliver", t -> t.zeebeJobType("deliver"))
            .boundaryEvent("sla", b -> b.cancelActivity(false).timerWithCycle("R2/PT1H"))
            .serviceTask("notify", t -> t.zeebeJobType("notify"))
            .endEvent()
            .moveToActivity("deliver")
            .endEvent("delivered")
            .done());
    ProcessInstanceEvent instance = start(transport, "remind", Map.of());
    records.await(TimerCreated.class);

    clock.advance(Duration.ofHours(1));
    completeJob(transport, "notify", Map.of());
    clock.advance(Duration.ofHours(1));
    completeJob(transport, "notify", Map.of());
    clock.advance(Duration.ofHours(1));
    completeJob(transport, "deliver", Map.of());

    awaitProcessCompleted(instance.getProcessInstanceKey());
    assertThat(records.events(TimerCreated.class)).hasSize(2);
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void shouldInterruptOnAMessageAndCarryItsVariables(Transport transport) {
    deploy(
        transport,
        Bpmn.createExecutableProcess("cancelled")
            .startEvent()
            .serviceTask("pick", t -> t.zeebeJobType("pick"))
            .boundaryEvent(
                "cancel",
                b -> b.message(m -> m.name("CancelOrder").zeebeCorrelationKeyExpression("orderId")))
            .serviceTask("release", t -> t.zeebeJobType("release"))
            .endEvent()
            .moveToActivity("pick")
            .endEvent()
            .done());
    start(transport, "cancelled", Map.of("orderId", "o-5"));
    records.await(MessageSubscriptionOpened.class);

    client(transport)
        .newPublishMessageCommand()
        .messageName("CancelOrder")
        .correlationKey("o-5")
        .variables(Map.of("reason", "customer"))
        .send()
        .join();

    assertThat(activateOne(transport, "release").getVariablesAsMap())
        .containsEntry("reason", "customer");
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void shouldCatchAJobErrorByCodeBeforeTheCatchAll(Transport transport) {
    deploy(
        transport,
        Bpmn.createExecutableProcess("errors")
            .startEvent()
            .serviceTask("reserve", t -> t.zeebeJobType("reserve"))
            .boundaryEvent("any", b -> b.error())
            .endEvent("failedOther")
            .moveToActivity("reserve")
            .boundaryEvent("outOfStock", b -> b.error("OUT_OF_STOCK"))
            .serviceTask("backorder", t -> t.zeebeJobType("backorder"))
            .endEvent()
            .moveToActivity("reserve")
            .endEvent("reserved")
            .done());
    start(transport, "errors", Map.of());
    ActivatedJob job = activateOne(transport, "reserve");

    client(transport)
        .newThrowErrorCommand(job.getKey())
        .errorCode("OUT_OF_STOCK")
        .variables(Map.of("sku", "A-1"))
        .send()
        .join();

    assertThat(activateOne(transport, "backorder").getVariablesAsMap()).containsEntry("sku", "A-1");
    assertThat(reached("failedOther")).isFalse();
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void shouldCatchAnErrorOnTheNearestEnclosingSubprocess(Transport transport) {
    deploy(
        transport,
        Bpmn.createExecutableProcess("nested")
            .startEvent()
            .subProcess(
                "outer",
                outer ->
                    outer
                        .embeddedSubProcess()
                        .startEvent()
                        .subProcess(
                            "inner",
                            inner ->
                                inner
                                    .embeddedSubProcess()
                                    .startEvent()
                                    .serviceTask("work", t -> t.zeebeJobType("work"))
                                    .endEvent())
                        .boundaryEvent("innerCatch", b -> b.error("E"))
                        .endEvent("innerHandled")
                        .moveToActivity("inner")
                        .endEvent())
            .boundaryEvent("outerCatch", b -> b.error("E"))
            .endEvent("outerHandled")
            .moveToActivity("outer")
            .endEvent("done")
            .done());
    ProcessInstanceEvent instance = start(transport, "nested", Map.of());
    ActivatedJob job = activateOne(transport, "work");

    client(transport).newThrowErrorCommand(job.getKey()).errorCode("E").send().join();

    awaitProcessCompleted(instance.getProcessInstanceKey());
    assertThat(reached("innerHandled")).isTrue();
    assertThat(reached("outerHandled")).isFalse();
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void shouldFireANonInterruptingSignalBoundaryAndKeepWaiting(Transport transport) {
    deploy(
        transport,
        Bpmn.createExecutableProcess("signal")
            .startEvent()
            .serviceTask("ship", t -> t.zeebeJobType("ship"))
            .boundaryEvent("recall", b -> b.cancelActivity(false).signal("Recall"))
            .serviceTask("inform", t -> t.zeebeJobType("inform"))
            .endEvent()
            .moveToActivity("ship")
            .endEvent()
            .done());
    ProcessInstanceEvent instance = start(transport, "signal", Map.of());
    records.await(SignalSubscriptionOpened.class);

    client(transport).newBroadcastSignalCommand().signalName("Recall").send().join();
    completeJob(transport, "inform", Map.of());
    completeJob(transport, "ship", Map.of());

    awaitProcessCompleted(instance.getProcessInstanceKey());
  }

  private boolean reached(String elementId) {
    return records.events(ElementActivating.class).stream()
        .anyMatch(e -> e.elementId().equals(elementId));
  }
}
