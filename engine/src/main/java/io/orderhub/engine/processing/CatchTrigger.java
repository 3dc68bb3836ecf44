package io.orderhub.engine.processing;

import io.orderhub.engine.model.BpmnElementType;
import io.orderhub.engine.model.EventType;
import io.orderhub.engine.model.ExecutableFlowNode;
import io.orderhub.engine.state.ElementInstance;
import io.orderhub.engine.state.ElementInstance.Lifecycle;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Fires a catch event (a message, a timer, a signal, a caught error or escalation) for the element
 * instance that waits for it, the way the catch event's position in the model says:
 *
 * <ul>
 *   <li>the element's own event (receive task, intermediate catch event): the element completes;
 *   <li>a boundary event: an interrupting one terminates the activity first; the boundary event
 *       then activates beside it and takes its outgoing flows;
 *   <li>an event subprocess start event: an interrupting one terminates everything else in the
 *       scope first; the event subprocess then activates inside the scope;
 *   <li>an event after an event-based gateway: the gateway completes towards that event.
 * </ul>
 *
 * The event's variables reach the activated event through a hand-over map that lives only for the
 * batch, since the event activates in a later step of the same batch.
 */
final class CatchTrigger {

  private final ElementTransitions transitions;
  private final CatchEventBehavior catchEvents;
  private final VariableBehavior variables;
  private final Map<String, Map<String, Object>> handedOver = new HashMap<>();
  private final Map<Long, String> gatewayTargets = new HashMap<>();
  private final Map<String, String> subprocessStarts = new HashMap<>();

  CatchTrigger(
      ElementTransitions transitions, CatchEventBehavior catchEvents, VariableBehavior variables) {
    this.transitions = transitions;
    this.catchEvents = catchEvents;
    this.variables = variables;
  }

  /** Returns false when the owner no longer waits (it completed or was terminated). */
  boolean fire(
      ProcessingContext ctx, long ownerKey, String catchElementId, Map<String, Object> vars) {
    ElementInstance owner = ctx.state().elementInstance(ownerKey).orElse(null);
    if (owner == null || owner.lifecycle() != Lifecycle.ACTIVATED) {
      return false;
    }
    ExecutableFlowNode ownerNode = transitions.node(ctx.state(), owner);
    ExecutableFlowNode catchNode =
        ctx.state().executable(owner.processDefinitionKey()).element(catchElementId);
    if (catchNode == ownerNode) {
      catchEvents.unsubscribe(ctx, ownerKey);
      mergeResult(ctx, owner, ownerNode, vars);
      transitions.complete(ctx, owner);
    } else if (catchNode.type() == BpmnElementType.BOUNDARY_EVENT) {
      fireBoundary(ctx, owner, catchNode, vars);
    } else if (isEventSubprocessStart(catchNode)) {
      if (!catchNode.interrupting() && catchNode.eventType() == EventType.MESSAGE) {
        catchEvents.subscribe(ctx, owner, List.of(catchNode)); // stays open for the next message
      }
      startEventSubprocess(ctx, owner, catchNode, vars);
    } else {
      catchEvents.unsubscribe(ctx, ownerKey);
      handedOver.put(owner.flowScopeKey() + "/" + catchElementId, vars);
      gatewayTargets.put(owner.key(), catchElementId);
      transitions.complete(ctx, owner);
    }
    return true;
  }

  /** Activates a boundary event of an activity, terminating the activity if it interrupts. */
  void fireBoundary(
      ProcessingContext ctx,
      ElementInstance activity,
      ExecutableFlowNode boundary,
      Map<String, Object> vars) {
    ElementInstance flowScope = ctx.state().requireElementInstance(activity.flowScopeKey());
    if (boundary.interrupting()) {
      transitions.terminate(ctx, activity);
    } else if (boundary.eventType() == EventType.MESSAGE) {
      catchEvents.subscribe(ctx, activity, List.of(boundary)); // stays open for the next message
    }
    handedOver.put(flowScope.key() + "/" + boundary.id(), vars);
    transitions.activate(ctx, boundary, flowScope);
  }

  /** Starts an event subprocess in a scope, terminating the rest of the scope if it interrupts. */
  void startEventSubprocess(
      ProcessingContext ctx,
      ElementInstance scope,
      ExecutableFlowNode start,
      Map<String, Object> vars) {
    ExecutableFlowNode subprocess = start.flowScope();
    if (start.interrupting()) {
      catchEvents.unsubscribe(
          ctx,
          scope.key(),
          id ->
              isEventSubprocessStart(
                  ctx.state().executable(scope.processDefinitionKey()).element(id)));
      for (ElementInstance child : ctx.state().children(scope.key())) {
        transitions.terminate(ctx, child);
      }
    }
    subprocessStarts.put(scope.key() + "/" + subprocess.id(), start.id());
    handedOver.put(scope.key() + "/" + subprocess.id() + "/" + start.id(), vars);
    transitions.activate(ctx, subprocess, scope);
  }

  static boolean isEventSubprocessStart(ExecutableFlowNode node) {
    return node.type() == BpmnElementType.START_EVENT
        && node.flowScope() != null
        && node.flowScope().type() == BpmnElementType.EVENT_SUB_PROCESS;
  }

  /** The start event that triggered an event subprocess instance (consumed). */
  String takeSubprocessStart(ElementInstance subprocess) {
    return subprocessStarts.remove(subprocess.flowScopeKey() + "/" + subprocess.elementId());
  }

  /** Hands an event subprocess's trigger variables on to its start event instance. */
  void handOverToStart(ElementInstance subprocess, String startId) {
    Map<String, Object> vars =
        handedOver.remove(subprocess.flowScopeKey() + "/" + subprocess.elementId() + "/" + startId);
    if (vars != null) {
      handedOver.put(subprocess.key() + "/" + startId, vars);
    }
  }

  /** The event that an event-based gateway completes towards (consumed). */
  String takeGatewayTarget(long gatewayKey) {
    return gatewayTargets.remove(gatewayKey);
  }

  /** Variables handed to an event instance that activates because it fired, or null. */
  Map<String, Object> takeHandedOver(long flowScopeKey, String elementId) {
    return handedOver.remove(flowScopeKey + "/" + elementId);
  }

  /**
   * Merges a result (job, message, error or child-process variables) into the instance: with output
   * mappings the variables are local to the element for the mappings to read; without, they
   * propagate.
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
