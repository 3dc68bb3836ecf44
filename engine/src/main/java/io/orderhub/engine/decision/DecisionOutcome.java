package io.orderhub.engine.decision;

import io.orderhub.engine.api.DecisionEvaluationResult.EvaluatedInput;
import io.orderhub.engine.api.DecisionEvaluationResult.MatchedRule;
import java.util.List;

/**
 * The result of evaluating a decision: its output (plain Java values, as variables hold them) and
 * every decision evaluated on the way, required decisions first. On failure {@code failure} says
 * why and {@code failedDecisionId} which decision failed; the decisions evaluated before it are
 * still listed.
 */
public record DecisionOutcome(
    Object output, List<Evaluated> evaluatedDecisions, String failedDecisionId, String failure) {

  public boolean failed() {
    return failure != null;
  }

  /** One evaluated decision; inputs and matched rules are empty unless it is a decision table. */
  public record Evaluated(
      String decisionId,
      String decisionName,
      String decisionType,
      Object output,
      List<EvaluatedInput> evaluatedInputs,
      List<MatchedRule> matchedRules) {}
}
