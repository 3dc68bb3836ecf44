package io.orderhub.engine.exporter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.response.ProcessInstance;
import io.camunda.client.api.search.response.SearchResponse;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.orderhub.engine.testing.EngineTestBase;
import io.orderhub.engine.testing.Transport;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Searches stay cheap on large read models: totalItems counts at most 10 000 matches and says there
 * are more with hasMoreTotalItems, as Camunda 8.9 does; hasIncident is the exporter's flag.
 */
class ReadModelTotalItemsTest extends EngineTestBase {

  private static final Duration EXPORTED = Duration.ofSeconds(20);
  private static final long FIRST_KEY = 5_000_000_000L;
  private static final long START =
      OffsetDateTime.parse("2026-01-01T00:00:00Z").toInstant().toEpochMilli();

  private CamundaClient rest() {
    return client(Transport.REST);
  }

  /** Writes instances straight into the read model: 10 000 through the exporter is too slow. */
  private void insertInstances(String processId, long firstKey, int count, String state)
      throws Exception {
    try (Connection connection = engine.secondaryStorage().dataSource().getConnection();
        PreparedStatement insert =
            connection.prepareStatement(
                "INSERT INTO process_instance (process_instance_key, process_definition_key,"
                    + " process_definition_id, process_definition_version, state, start_date,"
                    + " tenant_id, root_process_instance_key) VALUES (?, 1, ?, 1, ?, ?,"
                    + " '<default>', ?)")) {
      connection.setAutoCommit(false);
      for (int i = 0; i < count; i++) {
        long key = firstKey + i;
        insert.setLong(1, key);
        insert.setString(2, processId);
        insert.setString(3, state);
        insert.setLong(4, START + i * 1000L);
        insert.setLong(5, key);
        insert.addBatch();
      }
      insert.executeBatch();
      connection.commit();
    }
  }

  private SearchResponse<ProcessInstance> search(
      java.util.function.Consumer<io.camunda.client.api.search.filter.ProcessInstanceFilter>
          filter) {
    return rest().newProcessInstanceSearchRequest().filter(filter).send().join();
  }

  @Test
  void shouldCapTotalItemsAtTenThousandAndSayThereAreMore() throws Exception {
    insertInstances("bulk", FIRST_KEY, 10_050, "ACTIVE");

    var capped = search(f -> f.processDefinitionId("bulk").state(ProcessInstanceState.ACTIVE));

    assertThat(capped.page().totalItems()).isEqualTo(10_000L);
    assertThat(capped.page().hasMoreTotalItems()).isTrue();
    assertThat(capped.items()).hasSize(100);
    assertThat(capped.items().getFirst().getProcessInstanceKey()).isEqualTo(FIRST_KEY);
  }

  @Test
  void shouldServePagesBeyondTheCountedMatches() throws Exception {
    insertInstances("bulk", FIRST_KEY, 10_050, "ACTIVE");

    var tail =
        rest()
            .newProcessInstanceSearchRequest()
            .filter(f -> f.processDefinitionId("bulk"))
            .sort(s -> s.startDate().desc())
            .page(p -> p.from(10_040).limit(100))
            .send()
            .join();

    assertThat(tail.page().totalItems()).isEqualTo(10_000L);
    assertThat(tail.page().hasMoreTotalItems()).isTrue();
    // newest first: the ten oldest remain behind the first 10 040
    assertThat(tail.items())
        .extracting(ProcessInstance::getProcessInstanceKey)
        .containsExactly(
            FIRST_KEY + 9,
            FIRST_KEY + 8,
            FIRST_KEY + 7,
            FIRST_KEY + 6,
            FIRST_KEY + 5,
            FIRST_KEY + 4,
            FIRST_KEY + 3,
            FIRST_KEY + 2,
            FIRST_KEY + 1,
            FIRST_KEY);
  }

  @Test
  void shouldCountExactlyUpToTheCap() throws Exception {
    insertInstances("exact", FIRST_KEY, 10_000, "ACTIVE");
    insertInstances("few", FIRST_KEY + 20_000, 30, "ACTIVE");
    insertInstances("few", FIRST_KEY + 30_000, 12, "COMPLETED");

    var atCap = search(f -> f.processDefinitionId("exact"));
    assertThat(atCap.page().totalItems()).isEqualTo(10_000L);
    assertThat(atCap.page().hasMoreTotalItems()).isFalse();

    var few = search(f -> f.processDefinitionId("few").state(ProcessInstanceState.ACTIVE));
    assertThat(few.page().totalItems()).isEqualTo(30L);
    assertThat(few.page().hasMoreTotalItems()).isFalse();
    assertThat(search(f -> f.processDefinitionId("few")).page().totalItems()).isEqualTo(42L);
  }

  @Test
  void shouldClearHasIncidentWhenTheLastIncidentIsResolved() {
    deploy(
        Transport.REST,
        Bpmn.createExecutableProcess("order")
            .startEvent()
            .exclusiveGateway("decide")
            .defaultFlow()
            .endEvent("done")
            .moveToLastExclusiveGateway()
            .conditionExpression("= missing.field > 1")
            .endEvent("never")
            .done());
    long instance =
        rest()
            .newCreateInstanceCommand()
            .bpmnProcessId("order")
            .latestVersion()
            .send()
            .join()
            .getProcessInstanceKey();
    await()
        .atMost(EXPORTED)
        .untilAsserted(
            () ->
                assertThat(search(f -> f.hasIncident(true)).items())
                    .extracting(ProcessInstance::getProcessInstanceKey)
                    .containsExactly(instance));
    assertThat(rest().newProcessInstanceGetRequest(instance).send().join().getHasIncident())
        .isTrue();
    long incident =
        rest()
            .newIncidentSearchRequest()
            .filter(f -> f.processInstanceKey(instance))
            .send()
            .join()
            .items()
            .getFirst()
            .getIncidentKey();

    rest()
        .newSetVariablesCommand(instance)
        .variables(Map.of("missing", Map.of("field", 0)))
        .send()
        .join();
    rest().newResolveIncidentCommand(incident).send().join();

    await()
        .atMost(EXPORTED)
        .untilAsserted(
            () ->
                assertThat(search(f -> f.hasIncident(false)).items())
                    .extracting(ProcessInstance::getProcessInstanceKey)
                    .containsExactly(instance));
    assertThat(search(f -> f.hasIncident(true)).items()).isEmpty();
  }
}
