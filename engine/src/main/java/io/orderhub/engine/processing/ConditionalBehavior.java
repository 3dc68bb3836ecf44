package io.orderhub.engine.processing;

import io.orderhub.engine.feel.Evaluation;
import io.orderhub.engine.model.BpmnElementType;
import io.orderhub.engine.model.EventType;
import io.orderhub.engine.model.ExecutableFlowNode;
import io.orderhub.engine.state.ElementInstance;
import io.orderhub.engine.state.ElementInstance.Lifecycle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Conditional events: an intermediate conditional catch event, a conditional boundary event and a
 * conditional event subprocess start fire when their condition holds — checked when the element (or
 * scope) is entered and again whenever variables of its process instance change. A non-interrupting
 * one fires on every change after which its condition holds.
 */
final class ConditionalBehavior {

  /** Bounds chains of conditions firing conditions within one batch. */
  private static final int MAX_ROUNDS = 10;

  private final ElementTransitions transitions;
  private final VariableBehavior variables;
  private final CatchTrigger trigger;

  ConditionalBehavior(
      ElementTransitions transitions, VariableBehavior variables, CatchTrigger trigger) {
    this.transitions = transitions;
    this.variables = variables;
    this.trigger = trigger;
  }

  boolean holds(ProcessingContext ctx, ExecutableFlowNode event, long scopeKey) {
    Evaluation result = variables.evaluate(ctx, event.condition(), scopeKey);
    return !result.failed() && Boolean.TRUE.equals(result.value());
  }

  /** Re-evaluates the conditions of instances whose variables changed during the batch. */
  void reevaluate(ProcessingContext ctx) {
    for (int round = 0; round < MAX_ROUNDS; round++) {
      Set<Long> changed = ctx.takeInstancesWithChangedVariables();
      if (changed.isEmpty()) {
        return;
      }
      for (long processInstanceKey : changed) {
        evaluateInstance(ctx, processInstanceKey);
      }
      ctx.drainFollowUps();
    }
  }

  /** Checks an element's conditional boundary events and event subprocess starts at entry. */
  void onEntered(ProcessingContext ctx, ElementInstance instance, ExecutableFlowNode node) {
    ctx.followUp(() -> evaluateElement(ctx, instance.key()));
  }

  private void evaluateInstance(ProcessingContext ctx, long processInstanceKey) {
    boolean waitsOnConditions =
        ctx.state()
            .elementInstance(processInstanceKey)
            .map(pi -> ctx.state().executable(pi.processDefinitionKey()).hasConditionalEvents())
            .orElse(false);
    if (!waitsOnConditions) {
      return; // the common case: no scan of the instance's elements
    }
    List<Long> keys = new ArrayList<>();
    ctx.state().elementInstancesOf(processInstanceKey).forEach(e -> keys.add(e.key()));
    keys.forEach(key -> evaluateElement(ctx, key));
  }

  private void evaluateElement(ProcessingContext ctx, long key) {
    ElementInstance instance = ctx.state().elementInstance(key).orElse(null);
    if (instance == null || instance.lifecycle() != Lifecycle.ACTIVATED) {
      return;
    }
    ExecutableFlowNode node = transitions.node(ctx.state(), instance);
    if (node.type() == BpmnElementType.INTERMEDIATE_CATCH_EVENT
        && node.eventType() == EventType.CONDITIONAL) {
      if (holds(ctx, node, instance.key())) {
        trigger.fire(ctx, instance.key(), node.id(), Map.of());
      }
      return;
    }
    for (ExecutableFlowNode boundary : node.boundaryEvents()) {
      if (boundary.eventType() == EventType.CONDITIONAL && holds(ctx, boundary, instance.key())) {
        trigger.fireBoundary(ctx, instance, boundary, Map.of());
        if (boundary.interrupting()) {
          return;
        }
      }
    }
    if (instance.elementType().isContainer()) {
      for (ExecutableFlowNode subprocess : node.eventSubprocesses()) {
        for (ExecutableFlowNode start : subprocess.startEvents()) {
          ElementInstance scope = ctx.state().elementInstance(key).orElse(null);
          if (scope != null
              && scope.lifecycle() == Lifecycle.ACTIVATED
              && start.eventType() == EventType.CONDITIONAL
              && holds(ctx, start, scope.key())) {
            trigger.startEventSubprocess(ctx, scope, start, Map.of());
          }
        }
      }
    }
  }
}
