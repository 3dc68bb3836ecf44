package io.orderhub.engine.processing;

import io.orderhub.engine.feel.Evaluation;
import io.orderhub.engine.model.BpmnElementType;
import io.orderhub.engine.model.EventType;
import io.orderhub.engine.model.ExecutableFlowNode;
import io.orderhub.engine.model.ExecutableSequenceFlow;
import io.orderhub.engine.state.ElementInstance;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One behaviour per BPMN element kind, registered in the transitions' table. */
final class ElementBehaviors {

  private ElementBehaviors() {}

  /** The shared behaviours element behaviours are built from. */
  record Shared(
      ElementTransitions transitions,
      VariableBehavior variables,
      IncidentBehavior incidents,
      JobBehavior jobs,
      CatchEventBehavior catchEvents,
      CatchTrigger trigger,
      ThrownEventBehavior thrown,
      SignalProcessor signals,
      ProcessInstanceStarter starter,
      ProcessResultListener results,
      CompensationBehavior compensation,
      MessageCorrelator correlator) {}

  static MultiInstanceBehavior registerAll(Shared shared) {
    ElementTransitions transitions = shared.transitions();
    ElementBehavior passThrough = (ctx, instance, node) -> transitions.complete(ctx, instance);
    transitions.register(BpmnElementType.TASK, passThrough);
    transitions.register(BpmnElementType.MANUAL_TASK, passThrough);
    transitions.register(BpmnElementType.PARALLEL_GATEWAY, passThrough);
    ElementBehavior triggered = new TriggeredEventBehavior(transitions, shared.trigger());
    transitions.register(BpmnElementType.START_EVENT, triggered);
    transitions.register(BpmnElementType.BOUNDARY_EVENT, triggered);
    JobTaskBehavior jobTask = new JobTaskBehavior(transitions, shared.jobs());
    transitions.register(BpmnElementType.PROCESS, new ProcessBehavior(shared));
    transitions.register(BpmnElementType.SUB_PROCESS, new SubProcessBehavior(transitions));
    transitions.register(
        BpmnElementType.EVENT_SUB_PROCESS,
        new EventSubProcessBehavior(transitions, shared.trigger()));
    ThrowEventBehavior throwEvents = new ThrowEventBehavior(shared, jobTask);
    transitions.register(BpmnElementType.END_EVENT, throwEvents);
    transitions.register(BpmnElementType.INTERMEDIATE_THROW_EVENT, throwEvents);
    for (BpmnElementType type : BpmnElementType.values()) {
      if (type.isJobWorkerTask()) {
        transitions.register(type, jobTask);
      }
    }
    transitions.register(
        BpmnElementType.SCRIPT_TASK,
        new ScriptTaskBehavior(
            transitions, shared.variables(), shared.incidents(), shared.trigger(), jobTask));
    CatchBehavior catchBehavior =
        new CatchBehavior(transitions, shared.catchEvents(), shared.incidents(), shared.trigger());
    transitions.register(BpmnElementType.RECEIVE_TASK, catchBehavior);
    transitions.register(BpmnElementType.INTERMEDIATE_CATCH_EVENT, catchBehavior);
    transitions.register(
        BpmnElementType.EXCLUSIVE_GATEWAY,
        new ConditionalGatewayBehavior(transitions, shared.variables(), shared.incidents(), false));
    transitions.register(
        BpmnElementType.INCLUSIVE_GATEWAY,
        new ConditionalGatewayBehavior(transitions, shared.variables(), shared.incidents(), true));
    transitions.register(
        BpmnElementType.EVENT_BASED_GATEWAY,
        new EventBasedGatewayBehavior(
            transitions, shared.catchEvents(), shared.incidents(), shared.trigger()));
    transitions.register(BpmnElementType.CALL_ACTIVITY, new CallActivityBehavior(shared));
    MultiInstanceBehavior multiInstance = new MultiInstanceBehavior(shared);
    transitions.register(BpmnElementType.MULTI_INSTANCE_BODY, multiInstance);
    return multiInstance;
  }

  /** Told when a process instance completes (for awaited creations). */
  interface ProcessResultListener {
    void completed(ProcessingContext ctx, ElementInstance processInstance);
  }

  /**
   * The process instance itself: it completes when nothing in it is left; a called instance then
   * hands its variables to its call activity, which completes.
   */
  private record ProcessBehavior(Shared shared) implements ElementBehavior {
    @Override
    public void onActivate(
        ProcessingContext ctx, ElementInstance instance, ExecutableFlowNode node) {
      // the starter activates the start element; nothing waits here
    }

    @Override
    public List<ExecutableSequenceFlow> onComplete(
        ProcessingContext ctx, ElementInstance instance, ExecutableFlowNode node) {
      shared.results().completed(ctx, instance);
      if (instance.parentElementInstanceKey() > 0) {
        CallActivityBehavior.childCompleted(ctx, shared, instance);
      }
      startNextByMessage(ctx, instance, node);
      return List.of();
    }

    @Override
    public void onTerminate(
        ProcessingContext ctx, ElementInstance instance, ExecutableFlowNode node) {
      startNextByMessage(ctx, instance, node);
    }

    private void startNextByMessage(
        ProcessingContext ctx, ElementInstance instance, ExecutableFlowNode node) {
      String correlationKey = ctx.state().messageStartCorrelationKey(instance.key());
      if (correlationKey != null) {
        ctx.followUp(
            () ->
                shared
                    .correlator()
                    .startNextForCorrelationKey(
                        ctx, instance.tenantId(), node.id(), correlationKey));
      }
    }
  }

  /** An embedded subprocess: starts at its none start event, completes when empty. */
  private record SubProcessBehavior(ElementTransitions transitions) implements ElementBehavior {
    @Override
    public void onActivate(
        ProcessingContext ctx, ElementInstance instance, ExecutableFlowNode node) {
      transitions.markActivated(ctx, instance);
      ExecutableFlowNode start =
          node.startEvents().stream()
              .filter(e -> e.eventType() == EventType.NONE)
              .findFirst()
              .orElseThrow();
      transitions.activate(ctx, start, ctx.state().requireElementInstance(instance.key()));
    }
  }

  /** An event subprocess: starts at the start event that fired. */
  private record EventSubProcessBehavior(ElementTransitions transitions, CatchTrigger trigger)
      implements ElementBehavior {
    @Override
    public void onActivate(
        ProcessingContext ctx, ElementInstance instance, ExecutableFlowNode node) {
      String startId = trigger.takeSubprocessStart(instance);
      trigger.handOverToStart(instance, startId);
      transitions.markActivated(ctx, instance);
      ExecutableFlowNode start =
          node.startEvents().stream().filter(e -> e.id().equals(startId)).findFirst().orElseThrow();
      transitions.activate(ctx, start, ctx.state().requireElementInstance(instance.key()));
    }
  }

  /**
   * Start and boundary events: they activate because their event fired (or the instance started)
   * and complete at once with the event's variables.
   */
  private record TriggeredEventBehavior(ElementTransitions transitions, CatchTrigger trigger)
      implements ElementBehavior {
    @Override
    public void onActivate(
        ProcessingContext ctx, ElementInstance instance, ExecutableFlowNode node) {
      Map<String, Object> vars = trigger.takeHandedOver(instance.flowScopeKey(), node.id());
      trigger.mergeResult(ctx, instance, node, vars);
      transitions.complete(ctx, instance);
    }
  }

  /** Service, send, business-rule and user tasks (and script tasks with a job): wait for a job. */
  record JobTaskBehavior(ElementTransitions transitions, JobBehavior jobs)
      implements ElementBehavior {
    @Override
    public void onActivate(
        ProcessingContext ctx, ElementInstance instance, ExecutableFlowNode node) {
      if (jobs.create(ctx, instance, node)) {
        transitions.markActivated(ctx, instance);
      }
    }

    @Override
    public void onTerminate(
        ProcessingContext ctx, ElementInstance instance, ExecutableFlowNode node) {
      jobs.cancel(ctx, instance);
    }
  }

  /** A FEEL script task: evaluate, store the result, complete. */
  private record ScriptTaskBehavior(
      ElementTransitions transitions,
      VariableBehavior variables,
      IncidentBehavior incidents,
      CatchTrigger trigger,
      JobTaskBehavior jobTask)
      implements ElementBehavior {
    @Override
    public void onActivate(
        ProcessingContext ctx, ElementInstance instance, ExecutableFlowNode node) {
      if (node.script() == null) {
        jobTask.onActivate(ctx, instance, node);
        return;
      }
      Evaluation result = variables.evaluate(ctx, node.script().expression(), instance.key());
      if (result.failed()) {
        incidents.raise(
            ctx, instance, "EXTRACT_VALUE_ERROR", result.failure(), IncidentBehavior.STEP_ACTIVATE);
        return;
      }
      Map<String, Object> value = new java.util.HashMap<>();
      value.put(node.script().resultVariable(), result.value());
      trigger.mergeResult(ctx, instance, node, value);
      transitions.complete(ctx, instance);
    }

    @Override
    public void onTerminate(
        ProcessingContext ctx, ElementInstance instance, ExecutableFlowNode node) {
      jobTask.onTerminate(ctx, instance, node);
    }
  }

  /** Receive tasks and intermediate catch events: wait for their message, timer or signal. */
  private record CatchBehavior(
      ElementTransitions transitions,
      CatchEventBehavior catchEvents,
      IncidentBehavior incidents,
      CatchTrigger trigger)
      implements ElementBehavior {
    @Override
    public void onActivate(
        ProcessingContext ctx, ElementInstance instance, ExecutableFlowNode node) {
      Map<String, Object> fired = trigger.takeHandedOver(instance.flowScopeKey(), node.id());
      if (fired != null || node.eventType() == EventType.LINK) {
        trigger.mergeResult(ctx, instance, node, fired);
        transitions.complete(ctx, instance);
        return;
      }
      String failure = catchEvents.subscribe(ctx, instance, List.of(node));
      if (failure != null) {
        incidents.raise(
            ctx, instance, "EXTRACT_VALUE_ERROR", failure, IncidentBehavior.STEP_ACTIVATE);
        return;
      }
      transitions.markActivated(ctx, instance);
    }
  }

  /**
   * Exclusive and inclusive gateways: take the first flow whose condition holds (exclusive) or
   * every one (inclusive; a flow without condition always holds), else the default flow, else an
   * incident.
   */
  private record ConditionalGatewayBehavior(
      ElementTransitions transitions,
      VariableBehavior variables,
      IncidentBehavior incidents,
      boolean inclusive)
      implements ElementBehavior {
    @Override
    public void onActivate(
        ProcessingContext ctx, ElementInstance instance, ExecutableFlowNode node) {
      transitions.complete(ctx, instance);
    }

    @Override
    public List<ExecutableSequenceFlow> onComplete(
        ProcessingContext ctx, ElementInstance instance, ExecutableFlowNode node) {
      if (node.outgoing().size() == 1 && node.outgoing().get(0).condition() == null) {
        return node.outgoing();
      }
      List<ExecutableSequenceFlow> taken = new ArrayList<>();
      for (ExecutableSequenceFlow flow : node.outgoing()) {
        if (flow == node.defaultFlow()) {
          continue;
        }
        Boolean holds =
            flow.condition() == null
                ? Boolean.valueOf(inclusive)
                : condition(ctx, instance, flow, variables, incidents);
        if (holds == null) {
          return null;
        }
        if (holds) {
          taken.add(flow);
          if (!inclusive) {
            return taken;
          }
        }
      }
      if (taken.isEmpty() && node.defaultFlow() != null) {
        taken.add(node.defaultFlow());
      }
      if (taken.isEmpty() && !node.outgoing().isEmpty()) {
        incidents.raise(
            ctx,
            instance,
            "CONDITION_ERROR",
            "Expected at least one condition to evaluate to true, or to have a default flow",
            IncidentBehavior.STEP_COMPLETE);
        return null;
      }
      return taken;
    }
  }

  /** Waits for the first of the events after it; completes towards the one that fired. */
  private record EventBasedGatewayBehavior(
      ElementTransitions transitions,
      CatchEventBehavior catchEvents,
      IncidentBehavior incidents,
      CatchTrigger trigger)
      implements ElementBehavior {
    @Override
    public void onActivate(
        ProcessingContext ctx, ElementInstance instance, ExecutableFlowNode node) {
      String failure = catchEvents.subscribe(ctx, instance, node.eventBasedTargets());
      if (failure != null) {
        incidents.raise(
            ctx, instance, "EXTRACT_VALUE_ERROR", failure, IncidentBehavior.STEP_ACTIVATE);
        return;
      }
      transitions.markActivated(ctx, instance);
    }

    @Override
    public List<ExecutableSequenceFlow> onComplete(
        ProcessingContext ctx, ElementInstance instance, ExecutableFlowNode node) {
      String target = trigger.takeGatewayTarget(instance.key());
      return node.outgoing().stream().filter(f -> f.target().id().equals(target)).toList();
    }
  }

  /** Evaluates a flow's condition: true, false, or null after raising an incident. */
  private static Boolean condition(
      ProcessingContext ctx,
      ElementInstance instance,
      ExecutableSequenceFlow flow,
      VariableBehavior variables,
      IncidentBehavior incidents) {
    if (flow.condition() == null) {
      return Boolean.FALSE;
    }
    Evaluation result = variables.evaluate(ctx, flow.condition(), instance.key());
    String failure = result.failure();
    if (failure == null && !(result.value() instanceof Boolean)) {
      failure =
          "Expected condition '%s' of flow '%s' to be a boolean, but was '%s'"
              .formatted(flow.condition().source(), flow.id(), result.value());
    }
    if (failure != null) {
      incidents.raise(ctx, instance, "CONDITION_ERROR", failure, IncidentBehavior.STEP_COMPLETE);
      return null;
    }
    return (Boolean) result.value();
  }
}
