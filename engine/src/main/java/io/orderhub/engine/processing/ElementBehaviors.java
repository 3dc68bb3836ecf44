package io.orderhub.engine.processing;

import io.orderhub.engine.feel.Evaluation;
import io.orderhub.engine.model.BpmnElementType;
import io.orderhub.engine.model.ExecutableFlowNode;
import io.orderhub.engine.model.ExecutableSequenceFlow;
import io.orderhub.engine.state.ElementInstance;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One behaviour per BPMN element kind, registered in the transitions' table. */
final class ElementBehaviors {

  private ElementBehaviors() {}

  static void registerAll(
      ElementTransitions transitions,
      VariableBehavior variables,
      IncidentBehavior incidents,
      JobBehavior jobs,
      CatchEventBehavior catchEvents,
      CatchTrigger trigger,
      ErrorBehavior errors,
      ProcessResultListener results) {
    ElementBehavior passThrough = (ctx, instance, node) -> transitions.complete(ctx, instance);
    transitions.register(BpmnElementType.START_EVENT, passThrough);
    transitions.register(BpmnElementType.INTERMEDIATE_THROW_EVENT, passThrough);
    transitions.register(BpmnElementType.TASK, passThrough);
    transitions.register(BpmnElementType.MANUAL_TASK, passThrough);
    transitions.register(BpmnElementType.PARALLEL_GATEWAY, passThrough);
    transitions.register(BpmnElementType.PROCESS, new ProcessBehavior(results));
    transitions.register(BpmnElementType.END_EVENT, new EndEventBehavior(transitions, errors));
    JobTaskBehavior jobTask = new JobTaskBehavior(transitions, jobs);
    for (BpmnElementType type : BpmnElementType.values()) {
      if (type.isJobWorkerTask()) {
        transitions.register(type, jobTask);
      }
    }
    transitions.register(
        BpmnElementType.SCRIPT_TASK,
        new ScriptTaskBehavior(transitions, variables, incidents, trigger, jobTask));
    CatchBehavior catchBehavior = new CatchBehavior(transitions, catchEvents, incidents, trigger);
    transitions.register(BpmnElementType.RECEIVE_TASK, catchBehavior);
    transitions.register(BpmnElementType.INTERMEDIATE_CATCH_EVENT, catchBehavior);
    transitions.register(
        BpmnElementType.EXCLUSIVE_GATEWAY,
        new ExclusiveGatewayBehavior(transitions, variables, incidents));
    transitions.register(
        BpmnElementType.INCLUSIVE_GATEWAY,
        new InclusiveGatewayBehavior(transitions, variables, incidents));
    transitions.register(
        BpmnElementType.EVENT_BASED_GATEWAY,
        new EventBasedGatewayBehavior(transitions, catchEvents, incidents, trigger));
  }

  /** Told when a process instance completes or is terminated (for awaited creations). */
  interface ProcessResultListener {
    void completed(ProcessingContext ctx, ElementInstance processInstance);
  }

  /** The process instance itself: it completes when its last element completes. */
  private record ProcessBehavior(ProcessResultListener results) implements ElementBehavior {
    @Override
    public void onActivate(
        ProcessingContext ctx, ElementInstance instance, ExecutableFlowNode node) {
      // the starter activates the start element; nothing waits here
    }

    @Override
    public List<ExecutableSequenceFlow> onComplete(
        ProcessingContext ctx, ElementInstance instance, ExecutableFlowNode node) {
      results.completed(ctx, instance);
      return List.of();
    }
  }

  private record EndEventBehavior(ElementTransitions transitions, ErrorBehavior errors)
      implements ElementBehavior {
    @Override
    public void onActivate(
        ProcessingContext ctx, ElementInstance instance, ExecutableFlowNode node) {
      switch (node.eventType()) {
        case ERROR -> errors.throwFromEndEvent(ctx, instance, node.errorCode());
        default -> transitions.complete(ctx, instance);
      }
    }

    @Override
    public List<ExecutableSequenceFlow> onComplete(
        ProcessingContext ctx, ElementInstance instance, ExecutableFlowNode node) {
      if (node.eventType() == io.orderhub.engine.model.EventType.TERMINATE) {
        // a terminate end event ends every other path of its scope; the scope then completes
        for (ElementInstance sibling : ctx.state().children(instance.flowScopeKey())) {
          if (sibling.key() != instance.key()) {
            transitions.terminate(ctx, sibling);
          }
        }
      }
      return List.of();
    }
  }

  /** Service, send, business-rule and user tasks (and script tasks with a job): wait for a job. */
  private record JobTaskBehavior(ElementTransitions transitions, JobBehavior jobs)
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
      Map<String, Object> fired = trigger.takeFiredAfterGateway(instance.flowScopeKey(), node.id());
      if (fired != null) {
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

    @Override
    public void onTerminate(
        ProcessingContext ctx, ElementInstance instance, ExecutableFlowNode node) {
      catchEvents.unsubscribe(ctx, instance.key());
    }
  }

  /** Takes the first flow whose condition holds, else the default flow, else an incident. */
  private record ExclusiveGatewayBehavior(
      ElementTransitions transitions, VariableBehavior variables, IncidentBehavior incidents)
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
      for (ExecutableSequenceFlow flow : node.outgoing()) {
        if (flow == node.defaultFlow()) {
          continue;
        }
        Boolean holds = condition(ctx, instance, flow, variables, incidents);
        if (holds == null) {
          return null;
        }
        if (holds) {
          return List.of(flow);
        }
      }
      if (node.defaultFlow() != null) {
        return List.of(node.defaultFlow());
      }
      if (node.outgoing().isEmpty()) {
        return List.of();
      }
      incidents.raise(
          ctx,
          instance,
          "CONDITION_ERROR",
          "Expected at least one condition to evaluate to true, or to have a default flow",
          IncidentBehavior.STEP_COMPLETE);
      return null;
    }
  }

  /** Takes every flow whose condition holds, else the default flow, else an incident. */
  private record InclusiveGatewayBehavior(
      ElementTransitions transitions, VariableBehavior variables, IncidentBehavior incidents)
      implements ElementBehavior {
    @Override
    public void onActivate(
        ProcessingContext ctx, ElementInstance instance, ExecutableFlowNode node) {
      transitions.complete(ctx, instance);
    }

    @Override
    public List<ExecutableSequenceFlow> onComplete(
        ProcessingContext ctx, ElementInstance instance, ExecutableFlowNode node) {
      List<ExecutableSequenceFlow> taken = new ArrayList<>();
      for (ExecutableSequenceFlow flow : node.outgoing()) {
        if (flow == node.defaultFlow()) {
          continue;
        }
        Boolean holds =
            flow.condition() == null
                ? Boolean.TRUE
                : condition(ctx, instance, flow, variables, incidents);
        if (holds == null) {
          return null;
        }
        if (holds) {
          taken.add(flow);
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

    @Override
    public void onTerminate(
        ProcessingContext ctx, ElementInstance instance, ExecutableFlowNode node) {
      catchEvents.unsubscribe(ctx, instance.key());
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
