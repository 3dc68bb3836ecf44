package io.orderhub.engine.bpmn;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.response.ProcessInstanceEvent;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.orderhub.engine.record.EngineEvent.ElementActivating;
import io.orderhub.engine.record.EngineEvent.IncidentCreated;
import io.orderhub.engine.testing.EngineTestBase;
import io.orderhub.engine.testing.Transport;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class GatewayTest extends EngineTestBase {

  private static BpmnModelInstance exclusive() {
    return Bpmn.createExecutableProcess("xor")
        .startEvent()
        .exclusiveGateway("split")
        .conditionExpression("amount > 100")
        .serviceTask("big", t -> t.zeebeJobType("big"))
        .endEvent("bigEnd")
        .moveToLastExclusiveGateway()
        .defaultFlow()
        .serviceTask("small", t -> t.zeebeJobType("small"))
        .endEvent("smallEnd")
        .done();
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void shouldTakeTheFlowWhoseConditionHolds(Transport transport) {
    deploy(transport, exclusive());

    ProcessInstanceEvent big = start(transport, "xor", Map.of("amount", 500));
    completeJob(transport, "big", Map.of());

    awaitProcessCompleted(big.getProcessInstanceKey());
    assertThat(activated(big.getProcessInstanceKey(), "small")).isFalse();
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void shouldTakeTheDefaultFlowWhenNoConditionHolds(Transport transport) {
    deploy(transport, exclusive());

    ProcessInstanceEvent small = start(transport, "xor", Map.of("amount", 5));
    completeJob(transport, "small", Map.of());

    awaitProcessCompleted(small.getProcessInstanceKey());
    assertThat(activated(small.getProcessInstanceKey(), "big")).isFalse();
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void shouldRaiseAnIncidentWhenNoConditionHoldsAndThereIsNoDefault(Transport transport) {
    deploy(
        transport,
        Bpmn.createExecutableProcess("no-default")
            .startEvent()
            .exclusiveGateway("split")
            .conditionExpression("x = 1")
            .endEvent("one")
            .moveToNode("split")
            .conditionExpression("x = 2")
            .endEvent("two")
            .done());

    ProcessInstanceEvent instance = start(transport, "no-default", Map.of("x", 3));

    IncidentCreated incident =
        records.await(
            IncidentCreated.class, i -> i.processInstanceKey() == instance.getProcessInstanceKey());
    assertThat(incident.errorType()).isEqualTo("CONDITION_ERROR");
    assertThat(incident.elementId()).isEqualTo("split");

    // resolving after fixing the data takes the flow
    client(transport)
        .newSetVariablesCommand(instance.getProcessInstanceKey())
        .variables(Map.of("x", 2))
        .send()
        .join();
    client(transport).newResolveIncidentCommand(incident.key()).send().join();
    awaitProcessCompleted(instance.getProcessInstanceKey());
    assertThat(activated(instance.getProcessInstanceKey(), "two")).isTrue();
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void shouldForkAndJoinParallelBranches(Transport transport) {
    deploy(
        transport,
        Bpmn.createExecutableProcess("and")
            .startEvent()
            .parallelGateway("fork")
            .serviceTask("a", t -> t.zeebeJobType("a"))
            .parallelGateway("join")
            .endEvent("end")
            .moveToNode("fork")
            .serviceTask("b", t -> t.zeebeJobType("b"))
            .connectTo("join")
            .done());
    ProcessInstanceEvent instance = start(transport, "and", Map.of());

    completeJob(transport, "a", Map.of("a", 1));
    assertThat(activated(instance.getProcessInstanceKey(), "join")).isFalse();
    completeJob(transport, "b", Map.of("b", 2));

    awaitProcessCompleted(instance.getProcessInstanceKey());
    assertThat(
            records.events(ElementActivating.class).stream()
                .filter(e -> e.elementId().equals("end"))
                .count())
        .isEqualTo(1);
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void shouldJoinOnlyTheBranchesAnInclusiveGatewayTook(Transport transport) {
    deploy(
        transport,
        Bpmn.createExecutableProcess("or")
            .startEvent()
            .inclusiveGateway("fork")
            .conditionExpression("card")
            .serviceTask("charge", t -> t.zeebeJobType("charge"))
            .inclusiveGateway("join")
            .endEvent("end")
            .moveToNode("fork")
            .conditionExpression("voucher")
            .serviceTask("redeem", t -> t.zeebeJobType("redeem"))
            .connectTo("join")
            .done());

    ProcessInstanceEvent instance = start(transport, "or", Map.of("card", true, "voucher", false));
    completeJob(transport, "charge", Map.of());

    awaitProcessCompleted(instance.getProcessInstanceKey());
    assertThat(activated(instance.getProcessInstanceKey(), "redeem")).isFalse();
  }

  private boolean activated(long processInstanceKey, String elementId) {
    return records.events(ElementActivating.class).stream()
        .anyMatch(
            e -> e.processInstanceKey() == processInstanceKey && e.elementId().equals(elementId));
  }
}
