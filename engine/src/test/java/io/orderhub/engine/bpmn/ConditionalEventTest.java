package io.orderhub.engine.bpmn;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.builder.ProcessBuilder;
import io.orderhub.engine.record.EngineEvent.ElementActivated;
import io.orderhub.engine.record.EngineEvent.JobCanceled;
import io.orderhub.engine.testing.EngineTestBase;
import io.orderhub.engine.testing.Transport;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ConditionalEventTest extends EngineTestBase {

  @ParameterizedTest
  @EnumSource(Transport.class)
  void shouldWaitAtAConditionalCatchEventUntilAVariableMakesItTrue(Transport transport) {
    deploy(
        transport,
        Bpmn.createExecutableProcess("gate")
            .startEvent()
            .intermediateCatchEvent("approved", e -> e.condition("approval = \"granted\""))
            .serviceTask("go", t -> t.zeebeJobType("go"))
            .endEvent()
            .done());
    ProcessInstanceEvent instance = start(transport, "gate", Map.of("approval", "pending"));
    records.await(ElementActivated.class, e -> isElement(e.key(), "approved"));

    client(transport)
        .newSetVariablesCommand(instance.getProcessInstanceKey())
        .variables(Map.of("approval", "granted"))
        .send()
        .join();

    assertThat(activateOne(transport, "go").getProcessInstanceKey())
        .isEqualTo(instance.getProcessInstanceKey());
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void shouldPassAConditionThatHoldsOnEntry(Transport transport) {
    deploy(
        transport,
        Bpmn.createExecutableProcess("open-gate")
            .startEvent()
            .intermediateCatchEvent("approved", e -> e.condition("approval = \"granted\""))
            .endEvent()
            .done());

    ProcessInstanceEvent instance = start(transport, "open-gate", Map.of("approval", "granted"));

    awaitProcessCompleted(instance.getProcessInstanceKey());
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void shouldInterruptATaskFromAConditionalBoundaryEvent(Transport transport) {
    deploy(
        transport,
        Bpmn.createExecutableProcess("stop")
            .startEvent()
            .serviceTask("pick", t -> t.zeebeJobType("pick"))
            .boundaryEvent("blocked", b -> b.condition("customerBlocked"))
            .serviceTask("review", t -> t.zeebeJobType("review"))
            .endEvent()
            .moveToActivity("pick")
            .endEvent()
            .done());
    ProcessInstanceEvent instance = start(transport, "stop", Map.of("customerBlocked", false));
    ActivatedJob pick = activateOne(transport, "pick");

    client(transport)
        .newSetVariablesCommand(instance.getProcessInstanceKey())
        .variables(Map.of("customerBlocked", true))
        .send()
        .join();

    activateOne(transport, "review");
    assertThat(records.events(JobCanceled.class))
        .extracting(JobCanceled::key)
        .contains(pick.getKey());
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void shouldStartAConditionalEventSubprocessWhenItsConditionTurnsTrue(Transport transport) {
    ProcessBuilder process = Bpmn.createExecutableProcess("watch");
    process
        .eventSubProcess("onFraud")
        .startEvent("fraud")
        .interrupting(false)
        .condition("riskScore > 80")
        .serviceTask("investigate", t -> t.zeebeJobType("investigate"))
        .endEvent();
    deploy(
        transport,
        process.startEvent().serviceTask("work", t -> t.zeebeJobType("work")).endEvent().done());
    ProcessInstanceEvent instance = start(transport, "watch", Map.of("riskScore", 10));
    activateOne(transport, "work");

    client(transport)
        .newSetVariablesCommand(instance.getProcessInstanceKey())
        .variables(Map.of("riskScore", 95))
        .send()
        .join();

    assertThat(activateOne(transport, "investigate").getProcessInstanceKey())
        .isEqualTo(instance.getProcessInstanceKey());
  }

  private boolean isElement(long key, String elementId) {
    return records.events(io.orderhub.engine.record.EngineEvent.ElementActivating.class).stream()
        .anyMatch(e -> e.key() == key && e.elementId().equals(elementId));
  }
}
