package io.orderhub.engine.processing;

import io.orderhub.engine.model.ExecutableFlowNode;
import io.orderhub.engine.state.ElementInstance;
import io.orderhub.engine.state.ElementInstance.Lifecycle;
import java.util.HashMap;
import java.util.Map;

/**
 * Fires a catch event an element waits for (a message, a timer, a signal): the waiting element
 * stops waiting for everything else, takes the event's variables and completes. For an event-based
 * gateway the gateway completes towards the event that fired, which then completes at once.
 */
final class CatchTrigger {

  private final ElementTransitions transitions;
  private final CatchEventBehavior catchEvents;
  private final VariableBehavior variables;

  /** Events that fired after an event-based gateway, waiting for their instance (same batch). */
  private final Map<String, Map<String, Object>> firedAfterGateway = new HashMap<>();

  CatchTrigger(
      ElementTransitions transitions, CatchEventBehavior catchEvents, VariableBehavior variables) {
    this.transitions = transitions;
    this.catchEvents = catchEvents;
    this.variables = variables;
  }

  /** Returns false when the element no longer waits (it completed or was terminated). */
  boolean fire(
      ProcessingContext ctx,
      long elementInstanceKey,
      String catchElementId,
      Map<String, Object> vars) {
    ElementInstance instance = ctx.state().elementInstance(elementInstanceKey).orElse(null);
    if (instance == null || instance.lifecycle() != Lifecycle.ACTIVATED) {
      return false;
    }
    catchEvents.unsubscribe(ctx, elementInstanceKey);
    ExecutableFlowNode node = transitions.node(ctx.state(), instance);
    if (node.id().equals(catchElementId)) {
      mergeResult(ctx, instance, node, vars);
      transitions.complete(ctx, instance);
    } else {
      firedAfterGateway.put(instance.flowScopeKey() + "/" + catchElementId, vars);
      gatewayTargets.put(instance.key(), catchElementId);
      transitions.complete(ctx, instance);
    }
    return true;
  }

  private final Map<Long, String> gatewayTargets = new HashMap<>();

  /** The event an event-based gateway completes towards (consumed). */
  String takeGatewayTarget(long gatewayKey) {
    return gatewayTargets.remove(gatewayKey);
  }

  /** Variables of an event that fired after its gateway, or null if it did not (consumed). */
  Map<String, Object> takeFiredAfterGateway(long flowScopeKey, String elementId) {
    return firedAfterGateway.remove(flowScopeKey + "/" + elementId);
  }

  /**
   * Merges a result (job variables, message variables) into the instance: with output mappings the
   * variables are local to the element for the mappings to read; without, they propagate.
   */
  void mergeResult(
      ProcessingContext ctx,
      ElementInstance instance,
      ExecutableFlowNode node,
      Map<String, Object> vars) {
    if (vars == null || vars.isEmpty()) {
      return;
    }
    if (node.outputs().isEmpty()) {
      variables.propagate(ctx, instance.key(), instance.processInstanceKey(), vars);
    } else {
      variables.setLocal(ctx, instance.key(), instance.processInstanceKey(), vars);
    }
  }
}
