package io.orderhub.engine.bpmn;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.response.ProcessInstanceEvent;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.orderhub.engine.record.EngineEvent.ElementActivating;
import io.orderhub.engine.record.EngineEvent.ElementTerminated;
import io.orderhub.engine.record.EngineEvent.IncidentCreated;
import io.orderhub.engine.record.EngineEvent.SignalSubscriptionOpened;
import io.orderhub.engine.testing.EngineTestBase;
import io.orderhub.engine.testing.Transport;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Signal catch and start events, terminate and error end events. */
class EventTest extends EngineTestBase {

  @ParameterizedTest
  @EnumSource(Transport.class)
  void shouldContinueEveryInstanceWaitingForABroadcastSignal(Transport transport) {
    deploy(
        transport,
        Bpmn.createExecutableProcess("hold")
            .startEvent()
            .intermediateCatchEvent("released", e -> e.signal("StockReleased"))
            .endEvent()
            .done());
    ProcessInstanceEvent a = start(transport, "hold", Map.of());
    ProcessInstanceEvent b = start(transport, "hold", Map.of());
    records.await(
        SignalSubscriptionOpened.class, s -> s.processInstanceKey() == b.getProcessInstanceKey());

    client(transport)
        .newBroadcastSignalCommand()
        .signalName("StockReleased")
        .variables(Map.of("batch", 3))
        .send()
        .join();

    awaitProcessCompleted(a.getProcessInstanceKey());
    awaitProcessCompleted(b.getProcessInstanceKey());
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void shouldStartAnInstanceFromASignalStartEvent(Transport transport) {
    deploy(
        transport,
        Bpmn.createExecutableProcess("on-signal")
            .startEvent("go")
            .signal("Recount")
            .serviceTask("count", t -> t.zeebeJobType("count"))
            .endEvent()
            .done());

    client(transport).newBroadcastSignalCommand().signalName("Recount").send().join();

    assertThat(activateOne(transport, "count").getBpmnProcessId()).isEqualTo("on-signal");
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void shouldTerminateOtherBranchesAtATerminateEndEvent(Transport transport) {
    deploy(
        transport,
        Bpmn.createExecutableProcess("terminate")
            .startEvent()
            .parallelGateway("fork")
            .serviceTask("slow", t -> t.zeebeJobType("slow"))
            .endEvent("slowEnd")
            .moveToNode("fork")
            .endEvent("stop", e -> e.terminate())
            .done());

    ProcessInstanceEvent instance = start(transport, "terminate", Map.of());

    awaitProcessCompleted(instance.getProcessInstanceKey());
    assertThat(records.events(ElementTerminated.class)).hasSize(1);
    assertThat(
            records.events(ElementActivating.class).stream()
                .noneMatch(e -> e.elementId().equals("slowEnd")))
        .isTrue();
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void shouldRaiseAnIncidentForAnUncaughtErrorEndEvent(Transport transport) {
    deploy(
        transport,
        Bpmn.createExecutableProcess("error-end")
            .startEvent()
            .endEvent("fail", e -> e.error("OUT_OF_STOCK"))
            .done());

    start(transport, "error-end", Map.of());

    IncidentCreated incident = records.await(IncidentCreated.class);
    assertThat(incident.errorType()).isEqualTo("UNHANDLED_ERROR_EVENT");
    assertThat(incident.elementId()).isEqualTo("fail");
    assertThat(incident.errorMessage()).contains("OUT_OF_STOCK");
  }
}
