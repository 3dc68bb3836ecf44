package io.orderhub.engine.bpmn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.api.response.Decision;
import io.camunda.client.api.response.DeploymentEvent;
import io.camunda.client.api.response.EvaluateDecisionResponse;
import io.camunda.client.api.response.EvaluatedDecision;
import io.camunda.client.api.response.MatchedDecisionRule;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeBindingType;
import io.grpc.Status;
import io.orderhub.engine.record.EngineEvent.DecisionEvaluated;
import io.orderhub.engine.record.EngineEvent.IncidentCreated;
import io.orderhub.engine.record.EngineEvent.IncidentResolved;
import io.orderhub.engine.testing.EngineTestBase;
import io.orderhub.engine.testing.Rejected;
import io.orderhub.engine.testing.Transport;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * DMN decisions through the official client: deploying and versioning {@code .dmn} resources,
 * business rule tasks that call a decision, and EvaluateDecision. The decisions route an order to a
 * warehouse by region and weight (first matching rule wins) and pick a carrier from the warehouse.
 */
class DecisionTest extends EngineTestBase {

  private static final String ROUTING = resource("/dmn/order-routing.dmn");

  /** The same graph with a changed rule: a new version of the graph and of both decisions. */
  private static final String ROUTING_V2 = ROUTING.replace("\"EU-HEAVY\"", "\"EU-BULK\"");

  @ParameterizedTest
  @EnumSource(Transport.class)
  void shouldDeployDecisionsAndVersionThemLikeProcesses(Transport transport) {
    DeploymentEvent first = deployDmn(transport, ROUTING);
    DeploymentEvent same = deployDmn(transport, ROUTING);
    DeploymentEvent changed = deployDmn(transport, ROUTING_V2);

    assertThat(first.getDecisionRequirements())
        .singleElement()
        .satisfies(
            graph -> {
              assertThat(graph.getDmnDecisionRequirementsId()).isEqualTo("order-routing");
              assertThat(graph.getDmnDecisionRequirementsName()).isEqualTo("Order routing");
              assertThat(graph.getVersion()).isEqualTo(1);
              assertThat(graph.getResourceName()).isEqualTo("order-routing.dmn");
            });
    assertThat(first.getDecisions())
        .extracting(Decision::getDmnDecisionId, Decision::getDmnDecisionName, Decision::getVersion)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("warehouse", "Pick a warehouse", 1),
            org.assertj.core.groups.Tuple.tuple("carrier", "Pick a carrier", 1));
    assertThat(first.getDecisions())
        .allSatisfy(
            d -> {
              assertThat(d.getDmnDecisionRequirementsId()).isEqualTo("order-routing");
              assertThat(d.getDecisionRequirementsKey())
                  .isEqualTo(first.getDecisionRequirements().get(0).getDecisionRequirementsKey());
            });

    // the same bytes keep the versions and keys; changed bytes get the next versions
    assertThat(same.getDecisions())
        .extracting(Decision::getDecisionKey)
        .containsExactlyElementsOf(
            first.getDecisions().stream().map(Decision::getDecisionKey).toList());
    assertThat(same.getDecisionRequirements().get(0).getVersion()).isEqualTo(1);
    assertThat(changed.getDecisionRequirements().get(0).getVersion()).isEqualTo(2);
    assertThat(changed.getDecisions()).extracting(Decision::getVersion).containsExactly(2, 2);
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void shouldSetTheResultVariableOfABusinessRuleTask(Transport transport) {
    deployDmn(transport, ROUTING);
    deploy(transport, routing("routing", t -> t));

    Map<String, Object> variables =
        client(transport)
            .newCreateInstanceCommand()
            .bpmnProcessId("routing")
            .latestVersion()
            .variables(Map.of("region", "EU", "weight", 42))
            .withResult()
            .send()
            .join()
            .getVariablesAsMap();

    assertThat(variables).containsEntry("site", "EU-HEAVY");
    DecisionEvaluated evaluation = records.await(DecisionEvaluated.class);
    assertThat(evaluation.decisionId()).isEqualTo("warehouse");
    assertThat(evaluation.output()).isEqualTo("EU-HEAVY");
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void shouldKeepTheResultLocalWhenTheTaskHasOutputMappings(Transport transport) {
    deployDmn(transport, ROUTING);
    deploy(
        transport, routing("mapped", t -> t.zeebeOutputExpression("site + \"/dock-1\"", "dock")));

    Map<String, Object> variables =
        client(transport)
            .newCreateInstanceCommand()
            .bpmnProcessId("mapped")
            .latestVersion()
            .variables(Map.of("region", "US", "weight", 3))
            .withResult()
            .send()
            .join()
            .getVariablesAsMap();

    assertThat(variables).containsEntry("dock", "US-MAIN/dock-1").doesNotContainKey("site");
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void shouldRaiseAnIncidentForAMissingDecisionAndGoOnOnceItIsDeployed(Transport transport) {
    deploy(transport, routing("early", t -> t));
    ProcessInstanceEvent instance = start(transport, "early", Map.of("region", "EU", "weight", 5));

    IncidentCreated incident = records.await(IncidentCreated.class);
    assertThat(incident.errorType()).isEqualTo("CALLED_DECISION_ERROR");
    assertThat(incident.elementId()).isEqualTo("route");
    assertThat(incident.errorMessage()).contains("'warehouse'");

    deployDmn(transport, ROUTING);
    client(transport).newResolveIncidentCommand(incident.key()).send().join();

    records.await(IncidentResolved.class, r -> r.key() == incident.key());
    awaitProcessCompleted(instance.getProcessInstanceKey());
    assertThat(records.await(DecisionEvaluated.class).output()).isEqualTo("EU-MAIN");
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void shouldRaiseAnIncidentWhenTheEvaluationFailsAndEvaluateAgainOnResolution(
      Transport transport) {
    // with a UNIQUE hit policy an EU order matches several rules: the evaluation fails
    deployDmn(transport, ROUTING.replace("hitPolicy=\"FIRST\"", "hitPolicy=\"UNIQUE\""));
    deploy(transport, routing("strict", t -> t));
    ProcessInstanceEvent instance =
        start(transport, "strict", Map.of("region", "EU", "weight", 42));

    IncidentCreated incident = records.await(IncidentCreated.class);
    assertThat(incident.errorType()).isEqualTo("DECISION_EVALUATION_ERROR");
    assertThat(incident.errorMessage()).contains("'warehouse'");
    assertThat(records.await(DecisionEvaluated.class).failureMessage()).isNotBlank();

    client(transport)
        .newSetVariablesCommand(instance.getProcessInstanceKey())
        .variables(Map.of("region", "APAC"))
        .send()
        .join();
    client(transport).newResolveIncidentCommand(incident.key()).send().join();

    awaitProcessCompleted(instance.getProcessInstanceKey());
    assertThat(records.events(DecisionEvaluated.class))
        .last()
        .satisfies(e -> assertThat(e.output()).isEqualTo("GLOBAL"));
    // standalone, Zeebe answers the failure normally, naming the failed decision and why
    EvaluateDecisionResponse failed =
        client(transport)
            .newEvaluateDecisionCommand()
            .decisionId("warehouse")
            .variables(Map.of("region", "EU", "weight", 42))
            .send()
            .join();
    assertThat(failed.getFailedDecisionId()).isEqualTo("warehouse");
    assertThat(failed.getFailureMessage()).contains("Expected to evaluate decision 'warehouse'");
    assertThat(failed.getDecisionEvaluationKey()).isPositive();
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void shouldEvaluateTheVersionDeployedWithTheProcessForDeploymentBinding(Transport transport) {
    client(transport)
        .newDeployResourceCommand()
        .addProcessModel(
            routing("bound", t -> t.zeebeBindingType(ZeebeBindingType.deployment)), "bound.bpmn")
        .addResourceString(ROUTING, StandardCharsets.UTF_8, "order-routing.dmn")
        .send()
        .join();
    deployDmn(transport, ROUTING_V2);

    Map<String, Object> variables =
        client(transport)
            .newCreateInstanceCommand()
            .bpmnProcessId("bound")
            .latestVersion()
            .variables(Map.of("region", "EU", "weight", 42))
            .withResult()
            .send()
            .join()
            .getVariablesAsMap();

    assertThat(variables).containsEntry("site", "EU-HEAVY");
    // without a binding the latest version decides
    deploy(transport, routing("latest", t -> t));
    assertThat(
            client(transport)
                .newCreateInstanceCommand()
                .bpmnProcessId("latest")
                .latestVersion()
                .variables(Map.of("region", "EU", "weight", 42))
                .withResult()
                .send()
                .join()
                .getVariablesAsMap())
        .containsEntry("site", "EU-BULK");
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void shouldRejectADeploymentBindingWithoutTheDecisionInTheDeployment(Transport transport) {
    assertThatThrownBy(
            () ->
                deploy(
                    transport,
                    routing("lonely", t -> t.zeebeBindingType(ZeebeBindingType.deployment))))
        .hasMessageContaining("route")
        .hasMessageContaining("'warehouse'");
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void shouldEvaluateADecisionByIdWithItsRequiredDecisions(Transport transport) {
    deployDmn(transport, ROUTING);

    EvaluateDecisionResponse response =
        client(transport)
            .newEvaluateDecisionCommand()
            .decisionId("carrier")
            .variables(Map.of("region", "EU", "weight", 42))
            .send()
            .join();

    assertThat(response.getDecisionId()).isEqualTo("carrier");
    assertThat(response.getDecisionName()).isEqualTo("Pick a carrier");
    assertThat(response.getDecisionVersion()).isEqualTo(1);
    assertThat(response.getDecisionRequirementsId()).isEqualTo("order-routing");
    assertThat(response.getDecisionOutput()).isEqualTo("\"DHL\"");
    assertThat(response.getDecisionEvaluationKey()).isPositive();
    assertThat(response.getEvaluatedDecisions())
        .extracting(EvaluatedDecision::getDecisionId)
        .containsExactly("warehouse", "carrier");

    EvaluatedDecision warehouse = response.getEvaluatedDecisions().get(0);
    assertThat(warehouse.getDecisionType()).isEqualTo("DECISION_TABLE");
    assertThat(warehouse.getDecisionOutput()).isEqualTo("\"EU-HEAVY\"");
    assertThat(warehouse.getEvaluatedInputs())
        .extracting(i -> i.getInputId() + "=" + i.getInputValue())
        .containsExactly("regionInput=\"EU\"", "weightInput=42");
    MatchedDecisionRule rule = warehouse.getMatchedRules().get(0);
    assertThat(rule.getRuleId()).isEqualTo("euHeavy");
    assertThat(rule.getRuleIndex()).isEqualTo(1);
    assertThat(rule.getEvaluatedOutputs())
        .singleElement()
        .satisfies(
            o -> {
              assertThat(o.getOutputName()).isEqualTo("warehouse");
              assertThat(o.getOutputValue()).isEqualTo("\"EU-HEAVY\"");
            });
    assertThat(response.getEvaluatedDecisions().get(1).getDecisionType())
        .isEqualTo("LITERAL_EXPRESSION");
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void shouldEvaluateADecisionByKey(Transport transport) {
    long v1 = deployDmn(transport, ROUTING).getDecisions().get(0).getDecisionKey();
    deployDmn(transport, ROUTING_V2);

    EvaluateDecisionResponse response =
        client(transport)
            .newEvaluateDecisionCommand()
            .decisionKey(v1)
            .variables(Map.of("region", "EU", "weight", 42))
            .send()
            .join();

    assertThat(response.getDecisionKey()).isEqualTo(v1);
    assertThat(response.getDecisionVersion()).isEqualTo(1);
    assertThat(response.getDecisionOutput()).isEqualTo("\"EU-HEAVY\"");
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void shouldKeepDeployedDecisionsAcrossARestart(Transport transport) throws IOException {
    long key = deployDmn(transport, ROUTING).getDecisions().get(0).getDecisionKey();

    restartEngine();

    assertThat(deployDmn(transport, ROUTING).getDecisions().get(0).getDecisionKey()).isEqualTo(key);
    assertThat(
            client(transport)
                .newEvaluateDecisionCommand()
                .decisionId("warehouse")
                .variables(Map.of("region", "US"))
                .send()
                .join()
                .getDecisionOutput())
        .isEqualTo("\"US-MAIN\"");
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void shouldRejectEvaluatingAnUnknownDecision(Transport transport) {
    // gateway.proto documents INVALID_ARGUMENT; the REST API documents 404
    String message =
        Rejected.by(
            transport,
            () ->
                client(transport)
                    .newEvaluateDecisionCommand()
                    .decisionId("nowhere")
                    .variables(Map.of())
                    .send()
                    .join(),
            404,
            Status.Code.INVALID_ARGUMENT);
    assertThat(message).contains("'nowhere'");
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void shouldRejectBrokenDmnNamingTheResourceAndDeployNothing(Transport transport) {
    String badFeel = ROUTING.replace("&gt; 30", "&gt;&gt; 30");

    assertThatThrownBy(() -> deployDmn(transport, "broken.dmn", "<definitions"))
        .hasMessageContaining("broken.dmn");
    assertThatThrownBy(() -> deployDmn(transport, "bad-feel.dmn", badFeel))
        .hasMessageContaining("bad-feel.dmn")
        .hasMessageContaining("FEEL");
    assertThatThrownBy(
            () ->
                client(transport)
                    .newEvaluateDecisionCommand()
                    .decisionId("warehouse")
                    .variables(Map.of())
                    .send()
                    .join())
        .hasMessageContaining("'warehouse'");
  }

  private DeploymentEvent deployDmn(Transport transport, String xml) {
    return deployDmn(transport, "order-routing.dmn", xml);
  }

  private DeploymentEvent deployDmn(Transport transport, String name, String xml) {
    return client(transport)
        .newDeployResourceCommand()
        .addResourceString(xml, StandardCharsets.UTF_8, name)
        .send()
        .join();
  }

  /** start → business rule task "route" (warehouse decision into "site") → end. */
  private static BpmnModelInstance routing(
      String processId,
      Function<
              io.camunda.zeebe.model.bpmn.builder.BusinessRuleTaskBuilder,
              io.camunda.zeebe.model.bpmn.builder.BusinessRuleTaskBuilder>
          customize) {
    return Bpmn.createExecutableProcess(processId)
        .startEvent()
        .businessRuleTask(
            "route",
            t -> customize.apply(t.zeebeCalledDecisionId("warehouse").zeebeResultVariable("site")))
        .endEvent()
        .done();
  }

  private static String resource(String path) {
    try (InputStream in = DecisionTest.class.getResourceAsStream(path)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
