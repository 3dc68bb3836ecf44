package io.orderhub.engine.processing;

import io.orderhub.engine.model.BpmnElementType;
import io.orderhub.engine.model.ExecutableFlowNode;
import io.orderhub.engine.model.ExecutableSequenceFlow;
import io.orderhub.engine.record.EngineEvent.ElementActivated;
import io.orderhub.engine.record.EngineEvent.ElementActivating;
import io.orderhub.engine.record.EngineEvent.ElementCompleted;
import io.orderhub.engine.record.EngineEvent.ElementCompleting;
import io.orderhub.engine.record.EngineEvent.ElementTerminated;
import io.orderhub.engine.record.EngineEvent.ElementTerminating;
import io.orderhub.engine.record.EngineEvent.SequenceFlowTaken;
import io.orderhub.engine.state.ElementInstance;
import io.orderhub.engine.state.ElementInstance.Lifecycle;
import io.orderhub.engine.state.EngineState;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The element lifecycle shared by every element kind: activate (with input mappings), complete
 * (with output mappings), take sequence flows, join at gateways, complete a scope when nothing in
 * it is left, and terminate. What differs per kind lives in the {@link ElementBehavior} table.
 */
final class ElementTransitions {

  private final Map<BpmnElementType, ElementBehavior> behaviors =
      new EnumMap<>(BpmnElementType.class);
  private final VariableBehavior variables;
  private final IncidentBehavior incidents;
  private CatchEventBehavior catchEvents;
  private ScopeListener multiInstance;
  private CompensationBehavior compensation;
  private ConditionalBehavior conditionals;

  ElementTransitions(VariableBehavior variables, IncidentBehavior incidents) {
    this.variables = variables;
    this.incidents = incidents;
  }

  /** Told about inner instances of a multi-instance body completing. */
  interface ScopeListener {
    /** Before the inner instance's completion is written: its variables are still readable. */
    void innerCompleting(ProcessingContext ctx, ElementInstance body, ElementInstance inner);

    /** After: decide whether the body goes on, or completes. */
    void innerCompleted(ProcessingContext ctx, ElementInstance body);
  }

  void wire(
      CatchEventBehavior catchEvents,
      ScopeListener multiInstance,
      CompensationBehavior compensation,
      ConditionalBehavior conditionals) {
    this.catchEvents = catchEvents;
    this.multiInstance = multiInstance;
    this.compensation = compensation;
    this.conditionals = conditionals;
  }

  void register(BpmnElementType type, ElementBehavior behavior) {
    behaviors.put(type, behavior);
  }

  /** The behaviour registered for a type, for a behaviour that wraps it; null when none is. */
  ElementBehavior registered(BpmnElementType type) {
    return behaviors.get(type);
  }

  /** Starts an element in a flow scope; returns the new element instance key. */
  long activate(ProcessingContext ctx, ExecutableFlowNode node, ElementInstance flowScope) {
    long key = writeActivating(ctx, node, flowScope);
    ctx.followUp(activatingStep(ctx, key));
    return key;
  }

  /** The activation of an ACTIVATING element, as a step that may run in a later batch. */
  ProcessingContext.ElementStep activatingStep(ProcessingContext ctx, long key) {
    return new ProcessingContext.ElementStep(key, false, () -> onActivating(ctx, key));
  }

  /** The completion of a COMPLETING element, as a step that may run in a later batch. */
  ProcessingContext.ElementStep completingStep(ProcessingContext ctx, long key) {
    return new ProcessingContext.ElementStep(key, true, () -> onCompleting(ctx, key));
  }

  /** The same step, bound to another batch. */
  ProcessingContext.ElementStep resume(ProcessingContext ctx, ProcessingContext.ElementStep step) {
    return step.completing()
        ? completingStep(ctx, step.elementInstanceKey())
        : activatingStep(ctx, step.elementInstanceKey());
  }

  private static long writeActivating(
      ProcessingContext ctx, ExecutableFlowNode node, ElementInstance flowScope) {
    long key = ctx.nextKey();
    ctx.write(
        new ElementActivating(
            key,
            flowScope.processInstanceKey(),
            flowScope.key(),
            flowScope.processDefinitionKey(),
            node.id(),
            node.type(),
            null,
            null,
            flowScope.tenantId(),
            0));
    return key;
  }

  /**
   * Activates a subprocess as a scope for elements placed into it from outside (process instance
   * modification): its event triggers open, its start event does not run.
   */
  ElementInstance activateScopeOnly(
      ProcessingContext ctx, ExecutableFlowNode node, ElementInstance flowScope) {
    long key = writeActivating(ctx, node, flowScope);
    ElementInstance activating = ctx.state().requireElementInstance(key);
    subscribeEventTriggers(ctx, activating, node);
    ctx.write(new ElementActivated(key));
    return ctx.state().requireElementInstance(key);
  }

  /** Runs (or, after an incident is resolved, re-runs) the activation of an ACTIVATING element. */
  void onActivating(ProcessingContext ctx, long key) {
    ElementInstance instance = ctx.state().elementInstance(key).orElse(null);
    if (instance == null || instance.lifecycle() != Lifecycle.ACTIVATING) {
      return;
    }
    ExecutableFlowNode node = node(ctx.state(), instance);
    String failure = variables.applyInputs(ctx, instance, node.inputs());
    if (failure != null) {
      incidents.raise(ctx, instance, "IO_MAPPING_ERROR", failure, IncidentBehavior.STEP_ACTIVATE);
      return;
    }
    if (subscribeEventTriggers(ctx, instance, node)) {
      behavior(node).onActivate(ctx, instance, node);
    }
  }

  /**
   * Opens the element's boundary events and event subprocess starts; returns false when one could
   * not be opened (an incident is raised then).
   */
  boolean subscribeEventTriggers(
      ProcessingContext ctx, ElementInstance instance, ExecutableFlowNode node) {
    List<ExecutableFlowNode> triggers = eventTriggers(instance, node);
    if (triggers.isEmpty()) {
      return true;
    }
    String failure = catchEvents.subscribe(ctx, instance, triggers);
    if (failure != null) {
      incidents.raise(
          ctx, instance, "EXTRACT_VALUE_ERROR", failure, IncidentBehavior.STEP_ACTIVATE);
      return false;
    }
    return true;
  }

  /**
   * What an element instance waits for besides its own work: its boundary events and, for a scope,
   * the start events of its event subprocesses (message, timer and signal ones; error, escalation
   * and compensation are caught when thrown).
   */
  private static List<ExecutableFlowNode> eventTriggers(
      ElementInstance instance, ExecutableFlowNode node) {
    List<ExecutableFlowNode> triggers = new java.util.ArrayList<>();
    for (ExecutableFlowNode boundary : node.boundaryEvents()) {
      if (CatchEventBehavior.isCatchEvent(boundary)) {
        triggers.add(boundary);
      }
    }
    if (instance.elementType().isContainer()) {
      for (ExecutableFlowNode subprocess : node.eventSubprocesses()) {
        for (ExecutableFlowNode start : subprocess.startEvents()) {
          if (CatchEventBehavior.isCatchEvent(start)) {
            triggers.add(start);
          }
        }
      }
    }
    return triggers;
  }

  void markActivated(ProcessingContext ctx, ElementInstance instance) {
    ctx.write(new ElementActivated(instance.key()));
    conditionals.onEntered(ctx, instance, node(ctx.state(), instance));
  }

  /** Moves an ACTIVATING or ACTIVATED element towards completion. */
  void complete(ProcessingContext ctx, ElementInstance instance) {
    if (instance.lifecycle() == Lifecycle.ACTIVATING) {
      ctx.write(new ElementActivated(instance.key()));
    }
    ctx.write(new ElementCompleting(instance.key()));
    ctx.followUp(completingStep(ctx, instance.key()));
  }

  /** Runs (or re-runs after an incident) the completion of a COMPLETING element. */
  void onCompleting(ProcessingContext ctx, long key) {
    ElementInstance instance = ctx.state().elementInstance(key).orElse(null);
    if (instance == null || instance.lifecycle() != Lifecycle.COMPLETING) {
      return;
    }
    ExecutableFlowNode node = node(ctx.state(), instance);
    if (!node.outputs().isEmpty() && !instance.isProcess()) {
      String failure = variables.applyOutputs(ctx, instance, node.outputs());
      if (failure != null) {
        incidents.raise(ctx, instance, "IO_MAPPING_ERROR", failure, IncidentBehavior.STEP_COMPLETE);
        return;
      }
    }
    List<ExecutableSequenceFlow> flows = behavior(node).onComplete(ctx, instance, node);
    if (flows == null) {
      return;
    }
    ElementInstance flowScope =
        instance.isProcess() ? null : ctx.state().requireElementInstance(instance.flowScopeKey());
    boolean inner =
        flowScope != null && flowScope.elementType() == BpmnElementType.MULTI_INSTANCE_BODY;
    if (inner) {
      multiInstance.innerCompleting(ctx, flowScope, instance);
    }
    catchEvents.unsubscribe(ctx, instance.key());
    compensation.onCompleting(ctx, instance, node);
    compensation.handlerCompleting(ctx, instance);
    ctx.write(new ElementCompleted(instance.key()));
    if (flowScope == null) {
      return;
    }
    if (inner) {
      ctx.followUp(() -> multiInstance.innerCompleted(ctx, flowScope));
      return;
    }
    for (ExecutableSequenceFlow flow : flows) {
      takeFlow(ctx, flow, flowScope);
    }
    if (flows.isEmpty()) {
      ctx.followUp(() -> completeScopeIfDone(ctx, flowScope.key()));
    }
  }

  private void takeFlow(
      ProcessingContext ctx, ExecutableSequenceFlow flow, ElementInstance flowScope) {
    ctx.write(
        new SequenceFlowTaken(
            ctx.nextKey(),
            flowScope.processInstanceKey(),
            flowScope.key(),
            flow.id(),
            flow.target().id()));
    ExecutableFlowNode target = flow.target();
    if (isJoin(target)) {
      ctx.followUp(() -> activateJoinIfReady(ctx, target, flowScope.key()));
    } else {
      activate(ctx, target, flowScope);
    }
  }

  private static boolean isJoin(ExecutableFlowNode node) {
    return (node.type() == BpmnElementType.PARALLEL_GATEWAY
            || node.type() == BpmnElementType.INCLUSIVE_GATEWAY)
        && node.incoming().size() > 1;
  }

  private void activateJoinIfReady(
      ProcessingContext ctx, ExecutableFlowNode gateway, long scopeKey) {
    ElementInstance scope = ctx.state().elementInstance(scopeKey).orElse(null);
    if (scope == null || scope.lifecycle() != Lifecycle.ACTIVATED) {
      return;
    }
    Map<String, Integer> tokens = ctx.state().joinTokens(scopeKey);
    boolean anyToken = gateway.incoming().stream().anyMatch(f -> tokens.containsKey(f.id()));
    if (!anyToken) {
      return;
    }
    boolean ready =
        gateway.type() == BpmnElementType.PARALLEL_GATEWAY
            ? gateway.incoming().stream().allMatch(f -> tokens.containsKey(f.id()))
            : gateway.incoming().stream()
                .allMatch(f -> tokens.containsKey(f.id()) || !reachable(ctx, scopeKey, f.source()));
    if (ready) {
      activate(ctx, gateway, scope);
    }
  }

  /**
   * Whether anything still active in the scope (an element instance, or a token waiting at another
   * join) can reach {@code node}: the rule for an inclusive join to stop waiting for a flow.
   */
  private boolean reachable(ProcessingContext ctx, long scopeKey, ExecutableFlowNode node) {
    Deque<ExecutableFlowNode> toVisit = new ArrayDeque<>();
    ElementInstance scope = ctx.state().requireElementInstance(scopeKey);
    var process = ctx.state().executable(scope.processDefinitionKey());
    for (ElementInstance child : ctx.state().children(scopeKey)) {
      toVisit.add(process.element(child.elementId()));
    }
    Map<String, Integer> tokens = ctx.state().joinTokens(scopeKey);
    for (String flowId : tokens.keySet()) {
      ExecutableFlowNode waitingAt = process.sequenceFlows().get(flowId).target();
      if (waitingAt != node) {
        toVisit.add(waitingAt);
      }
    }
    Set<String> seen = new HashSet<>();
    while (!toVisit.isEmpty()) {
      ExecutableFlowNode current = toVisit.poll();
      if (current == node) {
        return true;
      }
      if (seen.add(current.id())) {
        current.outgoing().forEach(f -> toVisit.add(f.target()));
      }
    }
    return false;
  }

  /** Completes a scope once nothing in it is active and no token waits at a join. */
  void completeScopeIfDone(ProcessingContext ctx, long scopeKey) {
    ElementInstance scope = ctx.state().elementInstance(scopeKey).orElse(null);
    if (scope == null || scope.lifecycle() != Lifecycle.ACTIVATED) {
      return;
    }
    if (!ctx.state().joinTokens(scopeKey).isEmpty()) {
      // an inclusive join may stop waiting now that a branch ended
      var process = ctx.state().executable(scope.processDefinitionKey());
      Set<ExecutableFlowNode> joins = new HashSet<>();
      ctx.state()
          .joinTokens(scopeKey)
          .keySet()
          .forEach(flowId -> joins.add(process.sequenceFlows().get(flowId).target()));
      joins.stream()
          .filter(j -> j.type() == BpmnElementType.INCLUSIVE_GATEWAY)
          .forEach(j -> activateJoinIfReady(ctx, j, scopeKey));
      return;
    }
    if (ctx.state().children(scopeKey).isEmpty()) {
      complete(ctx, scope);
    }
  }

  /** Terminates an element and everything inside it, releasing jobs, subscriptions, incidents. */
  void terminate(ProcessingContext ctx, ElementInstance instance) {
    if (instance.lifecycle() != Lifecycle.TERMINATING) {
      ctx.write(new ElementTerminating(instance.key()));
    }
    for (ElementInstance child : ctx.state().children(instance.key())) {
      terminate(ctx, child);
    }
    ExecutableFlowNode node = node(ctx.state(), instance);
    behavior(node).onTerminate(ctx, instance, node);
    catchEvents.unsubscribe(ctx, instance.key());
    incidents.resolveAllOf(ctx, instance.key());
    ctx.write(new ElementTerminated(instance.key()));
  }

  /** The model element of an instance (the inner activity for instances inside a body). */
  ExecutableFlowNode node(EngineState state, ElementInstance instance) {
    ExecutableFlowNode node =
        state.executable(instance.processDefinitionKey()).element(instance.elementId());
    if (node.type() == BpmnElementType.MULTI_INSTANCE_BODY
        && instance.elementType() != BpmnElementType.MULTI_INSTANCE_BODY) {
      return node.innerActivity();
    }
    return node;
  }

  private ElementBehavior behavior(ExecutableFlowNode node) {
    ElementBehavior behavior = behaviors.get(node.type());
    if (behavior == null) {
      throw new IllegalStateException(
          "Expected a behaviour for %s, but none is registered".formatted(node.type()));
    }
    return behavior;
  }
}
