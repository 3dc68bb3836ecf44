package io.orderhub.engine.bpmn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.response.DeploymentEvent;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.grpc.Status;
import io.orderhub.engine.record.EngineEvent.ElementTerminated;
import io.orderhub.engine.testing.EngineTestBase;
import io.orderhub.engine.testing.Rejected;
import io.orderhub.engine.testing.Transport;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Process instance modification and migration. */
class ProcessInstanceChangeTest extends EngineTestBase {

  @ParameterizedTest
  @EnumSource(Transport.class)
  void shouldActivateAnElementWithVariablesAndTerminateAnother(Transport transport) {
    deploy(
        transport,
        Bpmn.createExecutableProcess("repair")
            .startEvent()
            .serviceTask("stuck", t -> t.zeebeJobType("stuck"))
            .serviceTask("next", t -> t.zeebeJobType("next"))
            .endEvent()
            .done());
    ProcessInstanceEvent instance = start(transport, "repair", Map.of());
    ActivatedJob stuck = activateOne(transport, "stuck");

    client(transport)
        .newModifyProcessInstanceCommand(instance.getProcessInstanceKey())
        .activateElement("next")
        .withVariables(Map.of("repaired", true))
        .and()
        .terminateElement(stuck.getElementInstanceKey())
        .send()
        .join();

    ActivatedJob next = activateOne(transport, "next");
    assertThat(next.getVariablesAsMap()).containsEntry("repaired", true);
    records.await(ElementTerminated.class, e -> e.key() == stuck.getElementInstanceKey());
    client(transport).newCompleteCommand(next.getKey()).send().join();
    awaitProcessCompleted(instance.getProcessInstanceKey());
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void shouldTerminateTheInstanceWhenTheLastElementIsTerminated(Transport transport) {
    deploy(transport, oneTask("last", "work"));
    ProcessInstanceEvent instance = start(transport, "last", Map.of());
    ActivatedJob job = activateOne(transport, "work");

    client(transport)
        .newModifyProcessInstanceCommand(instance.getProcessInstanceKey())
        .terminateElement(job.getElementInstanceKey())
        .send()
        .join();

    records.await(ElementTerminated.class, e -> e.key() == instance.getProcessInstanceKey());
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void shouldRejectAnUnknownElementAndChangeNothing(Transport transport) {
    deploy(transport, oneTask("reject", "work"));
    ProcessInstanceEvent instance = start(transport, "reject", Map.of());
    ActivatedJob job = activateOne(transport, "work");

    assertThatThrownBy(
            () ->
                client(transport)
                    .newModifyProcessInstanceCommand(instance.getProcessInstanceKey())
                    .terminateElement(job.getElementInstanceKey())
                    .and()
                    .activateElement("nope")
                    .send()
                    .join())
        .hasMessageContaining("nope");
    client(transport).newCompleteCommand(job.getKey()).send().join();
    awaitProcessCompleted(instance.getProcessInstanceKey());
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void shouldMigrateARunningInstanceToANewVersion(Transport transport) {
    deploy(transport, oneTask("evolving", "v1-work"));
    ProcessInstanceEvent instance = start(transport, "evolving", Map.of());
    activateOne(transport, "v1-work");
    DeploymentEvent v2 =
        deploy(
            transport,
            Bpmn.createExecutableProcess("evolving")
                .startEvent()
                .serviceTask("task2", t -> t.zeebeJobType("v2-work"))
                .serviceTask("audit", t -> t.zeebeJobType("audit"))
                .endEvent()
                .done());
    long target = v2.getProcesses().get(0).getProcessDefinitionKey();

    client(transport)
        .newMigrateProcessInstanceCommand(instance.getProcessInstanceKey())
        .migrationPlan(target)
        .addMappingInstruction("task", "task2")
        .send()
        .join();

    // the running job keeps its type and key; completing it continues on the new version
    ActivatedJob job = activateAfterTimeout(transport);
    assertThat(job.getElementId()).isEqualTo("task2");
    assertThat(job.getProcessDefinitionVersion()).isEqualTo(2);
    client(transport).newCompleteCommand(job.getKey()).send().join();
    activateOne(transport, "audit");
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void shouldRejectAMigrationWithoutMappingForAnActiveElement(Transport transport) {
    deploy(transport, oneTask("unmapped", "work"));
    ProcessInstanceEvent instance = start(transport, "unmapped", Map.of());
    activateOne(transport, "work");
    DeploymentEvent v2 = deploy(transport, oneTask("unmapped", "other"));

    // gateway.proto: not all active elements mapped is FAILED_PRECONDITION (409 over REST)
    String message =
        Rejected.by(
            transport,
            () ->
                client(transport)
                    .newMigrateProcessInstanceCommand(instance.getProcessInstanceKey())
                    .migrationPlan(v2.getProcesses().get(0).getProcessDefinitionKey())
                    .addMappingInstruction("start", "start")
                    .send()
                    .join(),
            409,
            Status.Code.FAILED_PRECONDITION);
    assertThat(message)
        .contains("no mapping instruction defined for active element with id 'task'");
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void shouldRejectAMigrationThatChangesTheElementType(Transport transport) {
    deploy(transport, oneTask("typed", "work"));
    ProcessInstanceEvent instance = start(transport, "typed", Map.of());
    activateOne(transport, "work");
    DeploymentEvent v2 =
        deploy(
            transport,
            Bpmn.createExecutableProcess("typed").startEvent().userTask("task").endEvent().done());

    String message =
        Rejected.by(
            transport,
            () ->
                client(transport)
                    .newMigrateProcessInstanceCommand(instance.getProcessInstanceKey())
                    .migrationPlan(v2.getProcesses().get(0).getProcessDefinitionKey())
                    .addMappingInstruction("task", "task")
                    .send()
                    .join(),
            409,
            Status.Code.FAILED_PRECONDITION);
    assertThat(message).contains("same type");
  }

  /** The migrated job is still activated by its first worker: let its timeout pass. */
  private ActivatedJob activateAfterTimeout(Transport transport) {
    clock.advance(java.time.Duration.ofMinutes(10));
    return activateOne(transport, "v1-work");
  }
}
