package io.orderhub.engine.api;

import java.util.List;

/**
 * A decision evaluated through {@link EngineApi#evaluateDecision}: the decision's output and every
 * decision evaluated for it (required decisions first, the called one last). Outputs and input
 * values are plain Java values; the gateways write them as JSON.
 */
public record DecisionEvaluationResult(
    long decisionEvaluationKey,
    long decisionKey,
    String decisionId,
    String decisionName,
    int decisionVersion,
    long decisionRequirementsKey,
    String decisionRequirementsId,
    Object output,
    List<EvaluatedDecision> evaluatedDecisions,
    String failedDecisionId,
    String failureMessage,
    String tenantId) {

  public record EvaluatedDecision(
      long decisionKey,
      String decisionId,
      String decisionName,
      int decisionVersion,
      String decisionType,
      Object output,
      List<EvaluatedInput> evaluatedInputs,
      List<MatchedRule> matchedRules,
      String tenantId) {}

  public record EvaluatedInput(String inputId, String inputName, Object inputValue) {}

  /** A rule of a decision table that matched; {@code ruleIndex} counts from 1. */
  public record MatchedRule(String ruleId, int ruleIndex, List<EvaluatedOutput> evaluatedOutputs) {}

  public record EvaluatedOutput(String outputId, String outputName, Object outputValue) {}
}
