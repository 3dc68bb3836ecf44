package io.orderhub.engine.bpmn;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.response.DeploymentEvent;
import io.camunda.client.api.response.EvaluateConditionalResponse;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.camunda.client.api.response.ProcessInstanceReference;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.builder.ProcessBuilder;
import io.grpc.Status;
import io.orderhub.engine.record.EngineEvent.ElementActivated;
import io.orderhub.engine.record.EngineEvent.JobCanceled;
import io.orderhub.engine.testing.EngineTestBase;
import io.orderhub.engine.testing.Rejected;
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

  @ParameterizedTest
  @EnumSource(Transport.class)
  void shouldStartInstancesThroughEvaluateConditionalWhereTheRootConditionHolds(
      Transport transport) {
    long hot =
        deploy(
                transport,
                Bpmn.createExecutableProcess("hot")
                    .startEvent("tooHot")
                    .condition("temperature > 30")
                    .serviceTask("cool", t -> t.zeebeJobType("cool"))
                    .endEvent()
                    .done())
            .getProcesses()
            .get(0)
            .getProcessDefinitionKey();
    client(transport)
        .newDeployResourceCommand()
        .addProcessModel(
            Bpmn.createExecutableProcess("cold")
                .startEvent("tooCold")
                .condition("temperature < 0")
                .serviceTask("heat", t -> t.zeebeJobType("heat"))
                .endEvent()
                .done(),
            "cold.bpmn")
        .send()
        .join();

    EvaluateConditionalResponse mild =
        client(transport)
            .newEvaluateConditionalCommand()
            .variables(Map.of("temperature", 20))
            .send()
            .join();
    EvaluateConditionalResponse heatwave =
        client(transport)
            .newEvaluateConditionalCommand()
            .variables(Map.of("temperature", 35))
            .send()
            .join();

    assertThat(mild.getProcessInstances()).isEmpty();
    assertThat(heatwave.getConditionalEvaluationKey())
        .isPositive()
        .isNotEqualTo(mild.getConditionalEvaluationKey());
    ProcessInstanceReference started = heatwave.getProcessInstances().getFirst();
    assertThat(heatwave.getProcessInstances()).hasSize(1);
    assertThat(started.getProcessDefinitionKey()).isEqualTo(hot);
    ActivatedJob cool = activateOne(transport, "cool");
    assertThat(cool.getProcessInstanceKey()).isEqualTo(started.getProcessInstanceKey());
    assertThat(cool.getVariablesAsMap()).containsEntry("temperature", 35);
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void shouldEvaluateOnlyTheGivenDefinitionAndRejectAnUnknownOne(Transport transport) {
    DeploymentEvent deployment =
        deploy(
            transport,
            Bpmn.createExecutableProcess("alarm")
                .startEvent("smoke")
                .condition("smoke")
                .endEvent()
                .moveToProcess("alarm")
                .startEvent("heat")
                .condition("temperature > 50")
                .endEvent()
                .done());
    long alarm = deployment.getProcesses().get(0).getProcessDefinitionKey();

    EvaluateConditionalResponse both =
        client(transport)
            .newEvaluateConditionalCommand()
            .variables(Map.of("smoke", true, "temperature", 80))
            .processDefinitionKey(alarm)
            .send()
            .join();

    // each start event whose condition holds starts its own instance
    assertThat(both.getProcessInstances())
        .hasSize(2)
        .allSatisfy(ref -> assertThat(ref.getProcessDefinitionKey()).isEqualTo(alarm));
    Rejected.by(
        transport,
        () ->
            client(transport)
                .newEvaluateConditionalCommand()
                .variables(Map.of("smoke", true))
                .processDefinitionKey(alarm + 1_000_000)
                .send()
                .join(),
        404,
        Status.Code.NOT_FOUND);
  }
}
