package io.orderhub.engine.bpmn;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.orderhub.engine.record.EngineEvent.ElementTerminated;
import io.orderhub.engine.record.EngineEvent.IncidentCreated;
import io.orderhub.engine.record.EngineEvent.JobCanceled;
import io.orderhub.engine.testing.EngineTestBase;
import io.orderhub.engine.testing.Transport;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CallActivityTest extends EngineTestBase {

  private void deployChild(Transport transport) {
    deploy(
        transport,
        Bpmn.createExecutableProcess("ship-package")
            .startEvent()
            .serviceTask("label", t -> t.zeebeJobType("label"))
            .endEvent()
            .done());
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void shouldRunTheCalledProcessAndTakeBackItsVariables(Transport transport) {
    deployChild(transport);
    deploy(
        transport,
        Bpmn.createExecutableProcess("parent")
            .startEvent()
            .callActivity("ship", c -> c.zeebeProcessIdExpression("\"ship-\" + kind"))
            .serviceTask("after", t -> t.zeebeJobType("after"))
            .endEvent()
            .done());
    ProcessInstanceEvent parent =
        start(transport, "parent", Map.of("kind", "package", "orderId", "o"));

    ActivatedJob label = activateOne(transport, "label");
    assertThat(label.getBpmnProcessId()).isEqualTo("ship-package");
    assertThat(label.getVariablesAsMap()).containsEntry("orderId", "o");
    assertThat(label.getProcessInstanceKey()).isNotEqualTo(parent.getProcessInstanceKey());
    client(transport)
        .newCompleteCommand(label.getKey())
        .variables(Map.of("tracking", "T1"))
        .send()
        .join();

    ActivatedJob after = activateOne(transport, "after");
    assertThat(after.getVariablesAsMap()).containsEntry("tracking", "T1");
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void shouldOnlyPassMappedVariablesWhenPropagationIsOff(Transport transport) {
    deployChild(transport);
    deploy(
        transport,
        Bpmn.createExecutableProcess("strict")
            .startEvent()
            .callActivity(
                "ship",
                c ->
                    c.zeebeProcessId("ship-package")
                        .zeebePropagateAllParentVariables(false)
                        .zeebePropagateAllChildVariables(false)
                        .zeebeInputExpression("orderId", "ref")
                        .zeebeOutputExpression("tracking", "trackingNo"))
            .serviceTask("after", t -> t.zeebeJobType("after"))
            .endEvent()
            .done());
    start(transport, "strict", Map.of("orderId", "o", "secret", 1));

    ActivatedJob label = activateOne(transport, "label");
    assertThat(label.getVariablesAsMap()).containsOnlyKeys("ref");
    client(transport)
        .newCompleteCommand(label.getKey())
        .variables(Map.of("tracking", "T2", "internal", true))
        .send()
        .join();

    ActivatedJob after = activateOne(transport, "after");
    assertThat(after.getVariablesAsMap())
        .containsEntry("trackingNo", "T2")
        .doesNotContainKeys("internal", "tracking");
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void shouldTerminateTheChildWhenTheParentIsCancelled(Transport transport) {
    deployChild(transport);
    deploy(
        transport,
        Bpmn.createExecutableProcess("cancel-parent")
            .startEvent()
            .callActivity("ship", c -> c.zeebeProcessId("ship-package"))
            .endEvent()
            .done());
    ProcessInstanceEvent parent = start(transport, "cancel-parent", Map.of());
    ActivatedJob label = activateOne(transport, "label");

    client(transport).newCancelInstanceCommand(parent.getProcessInstanceKey()).send().join();

    records.await(ElementTerminated.class, e -> e.key() == label.getProcessInstanceKey());
    assertThat(records.events(JobCanceled.class)).hasSize(1);
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void shouldCatchAChildErrorOnTheCallActivity(Transport transport) {
    deployChild(transport);
    deploy(
        transport,
        Bpmn.createExecutableProcess("catch-child")
            .startEvent()
            .callActivity("ship", c -> c.zeebeProcessId("ship-package"))
            .boundaryEvent("lost", b -> b.error("PARCEL_LOST"))
            .serviceTask("refund", t -> t.zeebeJobType("refund"))
            .endEvent()
            .moveToActivity("ship")
            .endEvent()
            .done());
    ProcessInstanceEvent parent = start(transport, "catch-child", Map.of());
    ActivatedJob label = activateOne(transport, "label");

    client(transport).newThrowErrorCommand(label.getKey()).errorCode("PARCEL_LOST").send().join();

    assertThat(activateOne(transport, "refund").getProcessInstanceKey())
        .isEqualTo(parent.getProcessInstanceKey());
    records.await(ElementTerminated.class, e -> e.key() == label.getProcessInstanceKey());
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void shouldRaiseAnIncidentWhenTheCalledProcessIsMissingAndGoOnOnceDeployed(Transport transport) {
    deploy(
        transport,
        Bpmn.createExecutableProcess("missing")
            .startEvent()
            .callActivity("ship", c -> c.zeebeProcessId("ship-package"))
            .endEvent()
            .done());
    ProcessInstanceEvent parent = start(transport, "missing", Map.of());

    IncidentCreated incident = records.await(IncidentCreated.class);
    assertThat(incident.errorType()).isEqualTo("CALLED_ELEMENT_ERROR");

    deployChild(transport);
    client(transport).newResolveIncidentCommand(incident.key()).send().join();
    completeJob(transport, "label", Map.of());
    awaitProcessCompleted(parent.getProcessInstanceKey());
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void shouldCallTheVersionWithTheBoundVersionTag(Transport transport) {
    deploy(
        transport,
        Bpmn.createExecutableProcess("ship-package")
            .versionTag("stable")
            .startEvent()
            .serviceTask("label", t -> t.zeebeJobType("stable-label"))
            .endEvent()
            .done());
    deploy(
        transport,
        Bpmn.createExecutableProcess("ship-package")
            .versionTag("experimental")
            .startEvent()
            .serviceTask("label", t -> t.zeebeJobType("experimental-label"))
            .endEvent()
            .done());
    deploy(
        transport,
        Bpmn.createExecutableProcess("tagged")
            .startEvent()
            .callActivity(
                "ship",
                c ->
                    c.zeebeProcessId("ship-package")
                        .zeebeBindingType(
                            io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeBindingType.versionTag)
                        .zeebeVersionTag("stable"))
            .endEvent()
            .done());

    ProcessInstanceEvent parent = start(transport, "tagged", Map.of());

    completeJob(transport, "stable-label", Map.of());
    awaitProcessCompleted(parent.getProcessInstanceKey());
  }
}
