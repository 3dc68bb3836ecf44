package io.orderhub.engine.processing;

import io.orderhub.engine.decision.DecisionOutcome;
import io.orderhub.engine.feel.Evaluation;
import io.orderhub.engine.model.BpmnElementType;
import io.orderhub.engine.model.CalledDecision;
import io.orderhub.engine.model.ExecutableFlowNode;
import io.orderhub.engine.model.ExecutableSequenceFlow;
import io.orderhub.engine.state.DecisionDefinition;
import io.orderhub.engine.state.ElementInstance;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A business rule task with a called decision: on activation it evaluates the decision against the
 * variables it sees, stores the output in the result variable (merged like a job's result) and
 * completes. A task without a called decision keeps the job-based behaviour it wraps.
 *
 * <p>Failures raise incidents at activation, as Zeebe does, so resolving one evaluates again: a
 * decision id expression that fails (EXTRACT_VALUE_ERROR), no deployed decision
 * (CALLED_DECISION_ERROR), an evaluation that fails (DECISION_EVALUATION_ERROR).
 */
final class BusinessRuleTaskBehavior implements ElementBehavior {

  private final ElementBehavior jobBased;
  private final ElementTransitions transitions;
  private final VariableBehavior variables;
  private final IncidentBehavior incidents;
  private final CatchTrigger trigger;
  private final DecisionBehavior decisions;

  private BusinessRuleTaskBehavior(
      ElementBehavior jobBased,
      ElementTransitions transitions,
      VariableBehavior variables,
      IncidentBehavior incidents,
      CatchTrigger trigger,
      DecisionBehavior decisions) {
    this.jobBased = jobBased;
    this.transitions = transitions;
    this.variables = variables;
    this.incidents = incidents;
    this.trigger = trigger;
    this.decisions = decisions;
  }

  /** Wraps whatever behaviour business rule tasks have (job-based) with decision evaluation. */
  static void register(
      ElementTransitions transitions,
      VariableBehavior variables,
      IncidentBehavior incidents,
      CatchTrigger trigger,
      DecisionBehavior decisions) {
    transitions.register(
        BpmnElementType.BUSINESS_RULE_TASK,
        new BusinessRuleTaskBehavior(
            transitions.registered(BpmnElementType.BUSINESS_RULE_TASK),
            transitions,
            variables,
            incidents,
            trigger,
            decisions));
  }

  @Override
  public void onActivate(ProcessingContext ctx, ElementInstance instance, ExecutableFlowNode node) {
    CalledDecision called = node.calledDecision();
    if (called == null) {
      jobBased.onActivate(ctx, instance, node);
      return;
    }
    Evaluation id = variables.evaluate(ctx, called.decisionId(), instance.key());
    if (id.failed() || !(id.value() instanceof String decisionId)) {
      String failure =
          id.failed()
              ? id.failure()
              : "Expected result of the expression '%s' to be 'STRING', but was '%s'"
                  .formatted(called.decisionId().source(), id.value());
      incidents.raise(
          ctx, instance, "EXTRACT_VALUE_ERROR", failure, IncidentBehavior.STEP_ACTIVATE);
      return;
    }
    Optional<DecisionDefinition> decision = decisions.find(ctx, called, decisionId, instance);
    if (decision.isEmpty()) {
      incidents.raise(
          ctx,
          instance,
          "CALLED_DECISION_ERROR",
          DecisionBehavior.notFound(called, decisionId),
          IncidentBehavior.STEP_ACTIVATE);
      return;
    }
    DecisionOutcome outcome =
        decisions.evaluate(ctx, decision.get(), variables.visible(ctx, instance.key()));
    decisions.record(ctx, decision.get(), outcome, instance.processInstanceKey(), instance.key());
    if (outcome.failed()) {
      incidents.raise(
          ctx,
          instance,
          "DECISION_EVALUATION_ERROR",
          DecisionBehavior.failure(decision.get(), outcome),
          IncidentBehavior.STEP_ACTIVATE);
      return;
    }
    Map<String, Object> result = new HashMap<>();
    result.put(called.resultVariable(), outcome.output());
    trigger.mergeResult(ctx, instance, node, result);
    transitions.complete(ctx, instance);
  }

  @Override
  public List<ExecutableSequenceFlow> onComplete(
      ProcessingContext ctx, ElementInstance instance, ExecutableFlowNode node) {
    return node.calledDecision() == null
        ? jobBased.onComplete(ctx, instance, node)
        : ElementBehavior.super.onComplete(ctx, instance, node);
  }

  @Override
  public void onTerminate(
      ProcessingContext ctx, ElementInstance instance, ExecutableFlowNode node) {
    if (node.calledDecision() == null) {
      jobBased.onTerminate(ctx, instance, node);
    }
    // a called decision holds nothing while it waits: only an incident, which termination resolves
  }
}
