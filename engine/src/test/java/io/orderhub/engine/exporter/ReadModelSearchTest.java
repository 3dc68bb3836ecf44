package io.orderhub.engine.exporter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.search.enums.ElementInstanceState;
import io.camunda.client.api.search.enums.IncidentState;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.response.ProcessInstance;
import io.camunda.client.api.search.response.SearchResponse;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.orderhub.engine.testing.EngineTestBase;
import io.orderhub.engine.testing.Transport;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The REST v2 read side through the official client: filters, sort, paging, gets. */
class ReadModelSearchTest extends EngineTestBase {

  private static final Duration EXPORTED = Duration.ofSeconds(20);

  private CamundaClient rest() {
    return client(Transport.REST);
  }

  private static BpmnModelInstance orderProcess(String versionTag) {
    return Bpmn.createExecutableProcess("order")
        .name("Order")
        .versionTag(versionTag)
        .startEvent("start")
        .serviceTask("pay", t -> t.zeebeJobType("pay").name("Pay"))
        .exclusiveGateway("decide")
        .defaultFlow()
        .endEvent("done")
        .moveToLastExclusiveGateway()
        .conditionExpression("= missing.field > 1")
        .endEvent("never")
        .done();
  }

  private long startOrder(String businessId, Set<String> tags, Map<String, Object> variables) {
    return rest()
        .newCreateInstanceCommand()
        .bpmnProcessId("order")
        .latestVersion()
        .businessId(businessId)
        .tags(tags)
        .variables(variables)
        .send()
        .join()
        .getProcessInstanceKey();
  }

  private SearchResponse<ProcessInstance> instances(
      java.util.function.Consumer<io.camunda.client.api.search.filter.ProcessInstanceFilter>
          filter) {
    return rest().newProcessInstanceSearchRequest().filter(filter).send().join();
  }

  @Test
  void shouldSearchProcessDefinitionsAndServeTheirXml() {
    long v1 =
        deploy(Transport.REST, orderProcess("v1"))
            .getProcesses()
            .getFirst()
            .getProcessDefinitionKey();
    long v2 =
        deploy(Transport.REST, orderProcess("v2"))
            .getProcesses()
            .getFirst()
            .getProcessDefinitionKey();

    await()
        .atMost(EXPORTED)
        .untilAsserted(
            () ->
                assertThat(
                        rest()
                            .newProcessDefinitionSearchRequest()
                            .filter(f -> f.processDefinitionId("order"))
                            .sort(s -> s.version().desc())
                            .send()
                            .join()
                            .items())
                    .extracting(d -> d.getProcessDefinitionKey(), d -> d.getVersionTag())
                    .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(v2, "v2"),
                        org.assertj.core.groups.Tuple.tuple(v1, "v1")));
    var latest =
        rest()
            .newProcessDefinitionSearchRequest()
            .filter(f -> f.isLatestVersion(true))
            .send()
            .join()
            .items();
    assertThat(latest).extracting(d -> d.getVersion()).containsExactly(2);
    var definition = rest().newProcessDefinitionGetRequest(v1).send().join();
    assertThat(definition.getName()).isEqualTo("Order");
    assertThat(definition.getResourceName()).isEqualTo("process.bpmn");
    assertThat(rest().newProcessDefinitionGetXmlRequest(v1).send().join())
        .contains("versionTag value=\"v1\"");
    assertThatThrownBy(() -> rest().newProcessDefinitionGetRequest(12345L).send().join())
        .isInstanceOf(ProblemException.class)
        .hasMessageContaining("404");
  }

  @Test
  void shouldFilterSortAndPageProcessInstances() {
    deploy(Transport.REST, orderProcess("v1"));
    long first = startOrder("order-1", Set.of("channel:web"), Map.of("amount", 10));
    long second = startOrder("order-2", Set.of("channel:app"), Map.of("amount", 20));
    long third = startOrder("order-3", Set.of("channel:web", "vip"), Map.of("amount", 30));

    await()
        .atMost(EXPORTED)
        .until(() -> instances(f -> f.processDefinitionId("order")).page().totalItems() == 3);

    assertThat(instances(f -> f.businessId("order-2")).items())
        .extracting(ProcessInstance::getProcessInstanceKey)
        .containsExactly(second);
    assertThat(instances(f -> f.businessId(b -> b.like("order-*"))).page().totalItems())
        .isEqualTo(3);
    assertThat(instances(f -> f.variables(Map.of("amount", 30))).items())
        .extracting(ProcessInstance::getProcessInstanceKey)
        .containsExactly(third);
    assertThat(
            instances(f -> f.processDefinitionVersionTag("v1").processDefinitionVersion(1))
                .page()
                .totalItems())
        .isEqualTo(3);
    assertThat(instances(f -> f.state(ProcessInstanceState.COMPLETED)).items()).isEmpty();
    assertThat(
            instances(
                    f ->
                        f.startDate(
                            d -> d.gte(OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC))))
                .page()
                .totalItems())
        .isEqualTo(3);
    assertThat(
            instances(
                    f ->
                        f.startDate(
                            d -> d.lt(OffsetDateTime.of(2025, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC))))
                .page()
                .totalItems())
        .isZero();
    ProcessInstance got = rest().newProcessInstanceGetRequest(third).send().join();
    assertThat(got.getTags()).containsExactlyInAnyOrder("channel:web", "vip");
    assertThat(got.getBusinessId()).isEqualTo("order-3");
    assertThat(got.getProcessDefinitionName()).isEqualTo("Order");
    assertThat(got.getState()).isEqualTo(ProcessInstanceState.ACTIVE);

    // sort descending by key, two per page, then follow the cursor
    var page1 =
        rest()
            .newProcessInstanceSearchRequest()
            .sort(s -> s.processInstanceKey().desc())
            .page(p -> p.limit(2))
            .send()
            .join();
    assertThat(page1.items())
        .extracting(ProcessInstance::getProcessInstanceKey)
        .containsExactly(third, second);
    assertThat(page1.page().totalItems()).isEqualTo(3);
    var page2 =
        rest()
            .newProcessInstanceSearchRequest()
            .sort(s -> s.processInstanceKey().desc())
            .page(p -> p.limit(2).after(page1.page().endCursor()))
            .send()
            .join();
    assertThat(page2.items())
        .extracting(ProcessInstance::getProcessInstanceKey)
        .containsExactly(first);
    var back =
        rest()
            .newProcessInstanceSearchRequest()
            .sort(s -> s.processInstanceKey().desc())
            .page(p -> p.limit(2).before(page2.page().startCursor()))
            .send()
            .join();
    assertThat(back.items())
        .extracting(ProcessInstance::getProcessInstanceKey)
        .containsExactly(third, second);
    var offset =
        rest()
            .newProcessInstanceSearchRequest()
            .sort(s -> s.processInstanceKey().asc())
            .page(p -> p.from(1).limit(1))
            .send()
            .join();
    assertThat(offset.items())
        .extracting(ProcessInstance::getProcessInstanceKey)
        .containsExactly(second);
  }

  @Test
  void shouldShowIncidentsElementInstancesVariablesAndJobs() {
    deploy(Transport.REST, orderProcess("v1"));
    long instance = startOrder("order-1", Set.of(), Map.of("note", "x".repeat(9000)));
    completeJob(Transport.REST, "pay", Map.of("paid", true));

    await()
        .atMost(EXPORTED)
        .until(
            () ->
                !rest()
                    .newIncidentSearchRequest()
                    .filter(f -> f.processInstanceKey(instance))
                    .send()
                    .join()
                    .items()
                    .isEmpty());
    var incident =
        rest()
            .newIncidentSearchRequest()
            .filter(f -> f.state(IncidentState.ACTIVE))
            .send()
            .join()
            .items()
            .getFirst();
    assertThat(incident.getElementId()).isEqualTo("decide");
    assertThat(rest().newIncidentGetRequest(incident.getIncidentKey()).send().join().getErrorType())
        .hasToString("CONDITION_ERROR");
    assertThat(instances(f -> f.hasIncident(true)).items())
        .extracting(ProcessInstance::getProcessInstanceKey)
        .containsExactly(instance);
    assertThat(instances(f -> f.hasIncident(false)).items()).isEmpty();

    var elements =
        rest()
            .newElementInstanceSearchRequest()
            .filter(f -> f.processInstanceKey(instance))
            .sort(s -> s.elementInstanceKey().asc())
            .send()
            .join()
            .items();
    assertThat(elements)
        .extracting(e -> e.getElementId(), e -> e.getState())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("order", ElementInstanceState.ACTIVE),
            org.assertj.core.groups.Tuple.tuple("start", ElementInstanceState.COMPLETED),
            org.assertj.core.groups.Tuple.tuple("pay", ElementInstanceState.COMPLETED),
            org.assertj.core.groups.Tuple.tuple("decide", ElementInstanceState.ACTIVE));
    var gateway =
        rest().newElementInstanceGetRequest(elements.get(3).getElementInstanceKey()).send().join();
    assertThat(gateway.getIncidentKey()).isEqualTo(incident.getIncidentKey());
    assertThat(gateway.getIncident()).isTrue();
    assertThat(elements.get(2).getElementName()).isEqualTo("Pay");

    var variables =
        rest()
            .newVariableSearchRequest()
            .filter(f -> f.processInstanceKey(instance))
            .sort(s -> s.name().asc())
            .send()
            .join()
            .items();
    assertThat(variables).extracting(v -> v.getName()).containsExactly("note", "paid");
    assertThat(variables.get(0).isTruncated()).isTrue();
    assertThat(variables.get(0).getValue()).hasSize(8191);
    assertThat(variables.get(1).getValue()).isEqualTo("true");
    assertThat(
            rest()
                .newVariableGetRequest(variables.get(0).getVariableKey())
                .send()
                .join()
                .getValue())
        .hasSize(9002);

    var jobs = rest().newJobSearchRequest().filter(f -> f.type("pay")).send().join().items();
    assertThat(jobs).hasSize(1);
    assertThat(jobs.getFirst().getState()).hasToString("COMPLETED");

    var statistics = rest().newProcessInstanceElementStatisticsRequest(instance).send().join();
    assertThat(statistics)
        .anySatisfy(
            s -> {
              assertThat(s.getElementId()).isEqualTo("decide");
              assertThat(s.getIncidents()).isEqualTo(1);
            });
    var flows = rest().newProcessInstanceSequenceFlowsRequest(instance).send().join();
    assertThat(flows).hasSize(2);
  }

  @Test
  void shouldAnswer501ForReadsNotProvidedAndNameBadFilterFields() {
    assertThatThrownBy(() -> rest().newMessageSubscriptionSearchRequest().send().join())
        .isInstanceOf(ProblemException.class)
        .hasMessageContaining("501");
    assertThatThrownBy(
            () ->
                rest()
                    .newProcessInstanceSearchRequest()
                    .filter(f -> f.batchOperationId("x"))
                    .send()
                    .join())
        .isInstanceOf(ProblemException.class)
        .hasMessageContaining("400")
        .hasMessageContaining("filter.batchOperationId");
    assertThatThrownBy(
            () ->
                rest()
                    .newProcessInstanceSearchRequest()
                    .page(p -> p.after("not-a-cursor"))
                    .send()
                    .join())
        .isInstanceOf(ProblemException.class)
        .hasMessageContaining("page.after");
  }
}
