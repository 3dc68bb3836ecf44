package io.orderhub.engine.processing;

import io.orderhub.engine.api.DecisionEvaluationResult;
import io.orderhub.engine.decision.DecisionEvaluator;
import io.orderhub.engine.decision.DecisionOutcome;
import io.orderhub.engine.model.CalledDecision;
import io.orderhub.engine.record.EngineEvent.DecisionEvaluated;
import io.orderhub.engine.state.DecisionDefinition;
import io.orderhub.engine.state.DecisionRequirementsDefinition;
import io.orderhub.engine.state.DecisionState;
import io.orderhub.engine.state.ElementInstance;
import io.orderhub.engine.state.ProcessDefinition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds deployed decisions and evaluates them, for business rule tasks and for EvaluateDecision
 * alike: the DMN work happens in {@link DecisionEvaluator}, this class ties it to the state.
 */
final class DecisionBehavior {

  private final DecisionEvaluator evaluator;

  DecisionBehavior(DecisionEvaluator evaluator) {
    this.evaluator = evaluator;
  }

  /** The decision a business rule task calls, by its binding; empty when none is deployed. */
  Optional<DecisionDefinition> find(
      ProcessingContext ctx, CalledDecision called, String decisionId, ElementInstance instance) {
    DecisionState decisions = ctx.state().decisions();
    return switch (called.binding()) {
      case LATEST -> decisions.latestDecision(decisionId, instance.tenantId());
      case VERSION_TAG ->
          decisions.latestDecisionWithTag(decisionId, called.versionTag(), instance.tenantId());
      case DEPLOYMENT ->
          ctx.state()
              .process(instance.processDefinitionKey())
              .map(ProcessDefinition::deploymentKey)
              .flatMap(deployment -> decisions.decisionOfDeployment(deployment, decisionId));
    };
  }

  /** Why {@link #find} found nothing, in Zeebe's words. */
  static String notFound(CalledDecision called, String decisionId) {
    return switch (called.binding()) {
      case LATEST ->
          "Expected to evaluate decision '%s', but no decision found for id '%s'"
              .formatted(decisionId, decisionId);
      case VERSION_TAG ->
          "Expected to evaluate decision '%s', but no decision found for id '%s' and version tag '%s'"
              .formatted(decisionId, decisionId, called.versionTag());
      case DEPLOYMENT ->
          ("Expected to evaluate decision '%s' with binding type 'deployment', but no such decision"
                  + " was deployed together with the process")
              .formatted(decisionId);
    };
  }

  /** Why an evaluation failed, naming the required decision that failed if it was one. */
  static String failure(DecisionDefinition decision, DecisionOutcome outcome) {
    String failed = outcome.failedDecisionId();
    if (failed == null || failed.equals(decision.decisionId())) {
      return "Expected to evaluate decision '%s', but %s"
          .formatted(decision.decisionId(), outcome.failure());
    }
    return "Expected to evaluate decision '%s', but its required decision '%s' failed: %s"
        .formatted(decision.decisionId(), failed, outcome.failure());
  }

  DecisionOutcome evaluate(
      ProcessingContext ctx, DecisionDefinition decision, Map<String, Object> variables) {
    DecisionRequirementsDefinition requirements =
        ctx.state()
            .decisions()
            .requirements(decision.decisionRequirementsKey())
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "Expected decision requirements %d of decision '%s' to be deployed, but they are not"
                            .formatted(decision.decisionRequirementsKey(), decision.decisionId())));
    return evaluator.evaluate(
        requirements.key(), requirements.resource(), decision.decisionId(), variables);
  }

  /** Writes the evaluation (the record exporters and tests see); returns its key. */
  long record(
      ProcessingContext ctx,
      DecisionDefinition decision,
      DecisionOutcome outcome,
      long processInstanceKey,
      long elementInstanceKey) {
    long key = ctx.nextKey();
    ctx.write(
        new DecisionEvaluated(
            key,
            decision.key(),
            decision.decisionId(),
            decision.version(),
            decision.decisionRequirementsKey(),
            processInstanceKey,
            elementInstanceKey,
            outcome.output(),
            outcome.failedDecisionId(),
            outcome.failure(),
            decision.tenantId()));
    return key;
  }

  /** The answer to EvaluateDecision: the outcome with each evaluated decision's key and version. */
  DecisionEvaluationResult result(
      ProcessingContext ctx,
      long evaluationKey,
      DecisionDefinition decision,
      DecisionOutcome outcome) {
    Map<String, DecisionDefinition> graph = new HashMap<>();
    ctx.state()
        .decisions()
        .decisionsOf(decision.decisionRequirementsKey())
        .forEach(d -> graph.put(d.decisionId(), d));
    List<DecisionEvaluationResult.EvaluatedDecision> evaluated = new ArrayList<>();
    for (DecisionOutcome.Evaluated e : outcome.evaluatedDecisions()) {
      DecisionDefinition definition = graph.get(e.decisionId());
      evaluated.add(
          new DecisionEvaluationResult.EvaluatedDecision(
              definition == null ? -1 : definition.key(),
              e.decisionId(),
              e.decisionName(),
              definition == null ? decision.version() : definition.version(),
              e.decisionType(),
              e.output(),
              e.evaluatedInputs(),
              e.matchedRules(),
              decision.tenantId()));
    }
    return new DecisionEvaluationResult(
        evaluationKey,
        decision.key(),
        decision.decisionId(),
        decision.name(),
        decision.version(),
        decision.decisionRequirementsKey(),
        decision.decisionRequirementsId(),
        outcome.output(),
        evaluated,
        outcome.failedDecisionId(),
        outcome.failure(),
        decision.tenantId());
  }
}
