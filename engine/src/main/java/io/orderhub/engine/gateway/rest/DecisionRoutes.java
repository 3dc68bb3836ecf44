package io.orderhub.engine.gateway.rest;

import io.camunda.client.protocol.rest.DecisionEvaluationInstruction;
import io.camunda.client.protocol.rest.EvaluateDecisionResult;
import io.camunda.client.protocol.rest.EvaluatedDecisionInputItem;
import io.camunda.client.protocol.rest.EvaluatedDecisionOutputItem;
import io.camunda.client.protocol.rest.EvaluatedDecisionResult;
import io.camunda.client.protocol.rest.MatchedDecisionRuleItem;
import io.orderhub.engine.api.DecisionEvaluationResult;
import io.orderhub.engine.api.EngineApi;
import io.orderhub.engine.api.EvaluateDecisionCommand;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code POST /v2/decision-definitions/evaluation}: evaluates a deployed decision by {@code
 * decisionDefinitionKey} or {@code decisionDefinitionId} (its latest version).
 */
final class DecisionRoutes {

  private DecisionRoutes() {}

  static List<Route> routes(EngineApi engine) {
    return List.of(
        Route.post("/v2/decision-definitions/evaluation", request -> evaluate(engine, request)));
  }

  private static RestResponse evaluate(EngineApi engine, RestRequest request) throws Exception {
    DecisionEvaluationInstruction body = request.json(DecisionEvaluationInstruction.class);
    long key = -1;
    String id = RequestFields.orEmpty(body.getDecisionDefinitionId());
    if (body.getDecisionDefinitionKey() != null) {
      key = RequestFields.key(body.getDecisionDefinitionKey(), "decisionDefinitionKey");
    } else if (id.isBlank()) {
      throw RestProblem.invalidArgument(
          "No decisionDefinitionId or decisionDefinitionKey provided: one of them is required");
    }
    DecisionEvaluationResult result =
        EngineCalls.await(
            engine.evaluateDecision(
                new EvaluateDecisionCommand(
                    key,
                    id,
                    RequestFields.variables(body.getVariables()),
                    RequestFields.tenant(body.getTenantId()))),
            EngineCalls.COMMAND_TIMEOUT);
    return RestResponse.json(toRest(result));
  }

  static EvaluateDecisionResult toRest(DecisionEvaluationResult result) {
    String evaluationKey = Long.toString(result.decisionEvaluationKey());
    List<EvaluatedDecisionResult> evaluated = new ArrayList<>();
    int index = 0;
    for (DecisionEvaluationResult.EvaluatedDecision decision : result.evaluatedDecisions()) {
      index++;
      List<EvaluatedDecisionInputItem> inputs = new ArrayList<>();
      for (DecisionEvaluationResult.EvaluatedInput input : decision.evaluatedInputs()) {
        inputs.add(
            new EvaluatedDecisionInputItem()
                .inputId(input.inputId())
                .inputName(input.inputName())
                .inputValue(json(input.inputValue())));
      }
      List<MatchedDecisionRuleItem> rules = new ArrayList<>();
      for (DecisionEvaluationResult.MatchedRule rule : decision.matchedRules()) {
        List<EvaluatedDecisionOutputItem> outputs = new ArrayList<>();
        for (DecisionEvaluationResult.EvaluatedOutput output : rule.evaluatedOutputs()) {
          outputs.add(
              new EvaluatedDecisionOutputItem()
                  .outputId(output.outputId())
                  .outputName(output.outputName())
                  .outputValue(json(output.outputValue()))
                  .ruleId(rule.ruleId())
                  .ruleIndex(rule.ruleIndex()));
        }
        rules.add(
            new MatchedDecisionRuleItem()
                .ruleId(rule.ruleId())
                .ruleIndex(rule.ruleIndex())
                .evaluatedOutputs(outputs));
      }
      evaluated.add(
          new EvaluatedDecisionResult()
              .decisionDefinitionId(decision.decisionId())
              .decisionDefinitionName(decision.decisionName())
              .decisionDefinitionVersion(decision.decisionVersion())
              .decisionDefinitionType(decision.decisionType())
              .decisionDefinitionKey(Long.toString(decision.decisionKey()))
              // Zeebe numbers the evaluated decisions of an evaluation: "<evaluation key>-<n>"
              .decisionEvaluationInstanceKey(evaluationKey + "-" + index)
              .output(json(decision.output()))
              .tenantId(decision.tenantId())
              .matchedRules(rules)
              .evaluatedInputs(inputs));
    }
    return new EvaluateDecisionResult()
        .decisionDefinitionId(result.decisionId())
        .decisionDefinitionKey(Long.toString(result.decisionKey()))
        .decisionDefinitionName(result.decisionName())
        .decisionDefinitionVersion(result.decisionVersion())
        .decisionRequirementsId(result.decisionRequirementsId())
        .decisionRequirementsKey(Long.toString(result.decisionRequirementsKey()))
        .decisionEvaluationKey(evaluationKey)
        .decisionInstanceKey(evaluationKey)
        .output(json(result.output()))
        .failedDecisionDefinitionId(result.failedDecisionId())
        .failureMessage(result.failureMessage())
        .tenantId(result.tenantId())
        .evaluatedDecisions(evaluated);
  }

  /** Outputs and input values travel as JSON documents inside strings. */
  private static String json(Object value) {
    return new String(JsonCodec.write(value), StandardCharsets.UTF_8);
  }
}
