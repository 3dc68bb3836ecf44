package io.orderhub.engine.processing;

import io.orderhub.engine.api.DecisionEvaluationResult;
import io.orderhub.engine.api.EvaluateDecisionCommand;
import io.orderhub.engine.decision.DecisionOutcome;
import io.orderhub.engine.state.DecisionDefinition;
import java.util.Map;

/**
 * EvaluateDecision: evaluates a deployed decision outside any process. The evaluation is written as
 * an event so it has a key and shows in the record stream. A failed evaluation (say, a UNIQUE hit
 * policy with two matching rules) is an answer too, as in Zeebe: it is written and returned with
 * {@code failedDecisionId} and {@code failureMessage} set and no output.
 */
final class DecisionEvaluationProcessor {

  private final DecisionBehavior decisions;

  DecisionEvaluationProcessor(DecisionBehavior decisions) {
    this.decisions = decisions;
  }

  DecisionEvaluationResult evaluate(ProcessingContext ctx, EvaluateDecisionCommand command) {
    DecisionDefinition decision = find(ctx, command);
    Map<String, Object> variables = command.variables() == null ? Map.of() : command.variables();
    DecisionOutcome outcome = decisions.evaluate(ctx, decision, variables);
    if (outcome.failed()) {
      // Zeebe answers a failed evaluation normally, naming the failed decision and the reason
      outcome =
          new DecisionOutcome(
              null,
              outcome.evaluatedDecisions(),
              outcome.failedDecisionId() == null
                  ? decision.decisionId()
                  : outcome.failedDecisionId(),
              DecisionBehavior.failure(decision, outcome));
    }
    long key = decisions.record(ctx, decision, outcome, -1, -1);
    return decisions.result(ctx, key, decision, outcome);
  }

  private DecisionDefinition find(ProcessingContext ctx, EvaluateDecisionCommand command) {
    if (command.decisionKey() > 0) {
      return ctx.state()
          .decisions()
          .decision(command.decisionKey())
          .filter(d -> command.tenantId() == null || d.tenantId().equals(command.tenantId()))
          .orElseThrow(
              () ->
                  Rejections.notFound(
                      "Expected to evaluate decision with key '%d', but no such decision was found",
                      command.decisionKey()));
    }
    String id = command.decisionId();
    if (id == null || id.isBlank()) {
      throw Rejections.invalidArgument(
          "Expected to evaluate a decision by id or key, but neither was given");
    }
    return ctx.state()
        .decisions()
        .latestDecision(id, command.tenantId())
        .orElseThrow(
            () ->
                Rejections.notFound(
                    "Expected to evaluate decision '%s', but no decision found for id '%s'",
                    id, id));
  }
}
