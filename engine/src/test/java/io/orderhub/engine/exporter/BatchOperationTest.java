package io.orderhub.engine.exporter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.BatchOperationState;
import io.camunda.client.api.search.enums.IncidentState;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.orderhub.engine.testing.EngineTestBase;
import io.orderhub.engine.testing.Transport;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Batch operations selected by a process instance filter, through the official client. */
class BatchOperationTest extends EngineTestBase {

  private static final Duration DONE = Duration.ofSeconds(30);

  private CamundaClient rest() {
    return client(Transport.REST);
  }

  private long count(ProcessInstanceState state, String processId) {
    return rest()
        .newProcessInstanceSearchRequest()
        .filter(f -> f.processDefinitionId(processId).state(state))
        .send()
        .join()
        .page()
        .totalItems();
  }

  private void awaitBatchCompleted(String key, int total) {
    await()
        .atMost(DONE)
        .untilAsserted(
            () -> {
              var batch = rest().newBatchOperationGetRequest(key).send().join();
              assertThat(batch.getStatus()).isEqualTo(BatchOperationState.COMPLETED);
              assertThat(batch.getOperationsTotalCount()).isEqualTo(total);
              assertThat(batch.getOperationsCompletedCount()).isEqualTo(total);
            });
  }

  @Test
  void shouldCancelTheInstancesAFilterSelects() {
    deploy(Transport.REST, oneTask("p", "work"));
    for (int i = 0; i < 3; i++) {
      start(Transport.REST, "p", Map.of("batch", i < 2 ? "yes" : "no"));
    }
    await().atMost(DONE).until(() -> count(ProcessInstanceState.ACTIVE, "p") == 3);

    var created =
        rest()
            .newCreateBatchOperationCommand()
            .processInstanceCancel()
            .filter(f -> f.processDefinitionId("p").variables(Map.of("batch", "yes")))
            .send()
            .join();

    awaitBatchCompleted(created.getBatchOperationKey(), 2);
    await().atMost(DONE).until(() -> count(ProcessInstanceState.TERMINATED, "p") == 2);
    assertThat(count(ProcessInstanceState.ACTIVE, "p")).isEqualTo(1);
    var items =
        rest()
            .newBatchOperationItemsSearchRequest()
            .filter(f -> f.batchOperationKey(created.getBatchOperationKey()))
            .send()
            .join()
            .items();
    assertThat(items)
        .hasSize(2)
        .allSatisfy(i -> assertThat(i.getStatus()).hasToString("COMPLETED"));
    assertThat(rest().newBatchOperationSearchRequest().send().join().items()).hasSize(1);
  }

  @Test
  void shouldResolveIncidentsOfTheSelectedInstances() {
    deploy(
        Transport.REST,
        Bpmn.createExecutableProcess("p")
            .startEvent()
            .exclusiveGateway("decide")
            .conditionExpression("= ok")
            .endEvent("done")
            .moveToLastExclusiveGateway()
            .conditionExpression("= not(ok)")
            .endEvent("other")
            .done());
    long instance = start(Transport.REST, "p", Map.of()).getProcessInstanceKey();
    await()
        .atMost(DONE)
        .until(
            () ->
                rest()
                        .newIncidentSearchRequest()
                        .filter(f -> f.state(IncidentState.ACTIVE))
                        .send()
                        .join()
                        .items()
                        .size()
                    == 1);
    rest().newSetVariablesCommand(instance).variables(Map.of("ok", true)).send().join();

    var created =
        rest()
            .newCreateBatchOperationCommand()
            .resolveIncident()
            .filter(f -> f.hasIncident(true))
            .send()
            .join();

    awaitBatchCompleted(created.getBatchOperationKey(), 1);
    await().atMost(DONE).until(() -> count(ProcessInstanceState.COMPLETED, "p") == 1);
  }

  @Test
  void shouldMigrateTheSelectedInstances() {
    deploy(Transport.REST, oneTask("p", "work"));
    long target =
        deploy(
                Transport.REST,
                Bpmn.createExecutableProcess("p")
                    .startEvent("start")
                    .serviceTask("task2", t -> t.zeebeJobType("work"))
                    .endEvent("end")
                    .done())
            .getProcesses()
            .getFirst()
            .getProcessDefinitionKey();
    rest().newCreateInstanceCommand().bpmnProcessId("p").version(1).send().join();
    await().atMost(DONE).until(() -> count(ProcessInstanceState.ACTIVE, "p") == 1);

    var created =
        rest()
            .newCreateBatchOperationCommand()
            .migrateProcessInstance()
            .targetProcessDefinitionKey(target)
            .addMappingInstruction("task", "task2")
            .filter(f -> f.processDefinitionVersion(1))
            .send()
            .join();

    awaitBatchCompleted(created.getBatchOperationKey(), 1);
    await()
        .atMost(DONE)
        .until(
            () ->
                rest()
                        .newProcessInstanceSearchRequest()
                        .filter(f -> f.processDefinitionKey(target))
                        .send()
                        .join()
                        .items()
                        .size()
                    == 1);
    assertThat(
            rest()
                .newElementInstanceSearchRequest()
                .filter(f -> f.elementId("task2"))
                .send()
                .join()
                .items())
        .hasSize(1);
  }
}
