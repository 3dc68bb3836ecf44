package io.orderhub.engine.processing;

import io.orderhub.engine.model.EventType;
import io.orderhub.engine.model.ExecutableFlowNode;
import io.orderhub.engine.state.ElementInstance;
import io.orderhub.engine.state.Job;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Throws BPMN errors and escalations and finds who catches them, as Zeebe documents: from the
 * thrower outwards, scope by scope, an event subprocess of the scope before a boundary event of it;
 * a catch event naming the code before a catch-all; the nearest scope wins; a child process passes
 * what it does not catch to its call activity. An uncaught error is an incident; an uncaught
 * escalation is not (the throw event just goes on).
 */
final class ThrownEventBehavior {

  enum Outcome {
    CAUGHT_INTERRUPTING,
    CAUGHT_NON_INTERRUPTING,
    UNCAUGHT
  }

  private final ElementTransitions transitions;
  private final CatchTrigger trigger;
  private final IncidentBehavior incidents;

  ThrownEventBehavior(
      ElementTransitions transitions, CatchTrigger trigger, IncidentBehavior incidents) {
    this.transitions = transitions;
    this.trigger = trigger;
    this.incidents = incidents;
  }

  /** An error a worker threw for its job; uncaught, it becomes an incident on the job. */
  void throwErrorFromJob(
      ProcessingContext ctx,
      Job job,
      String errorCode,
      String errorMessage,
      Map<String, Object> vars) {
    ElementInstance task = ctx.state().requireElementInstance(job.elementInstanceKey());
    if (propagate(ctx, task, true, EventType.ERROR, errorCode, vars) == Outcome.UNCAUGHT) {
      incidents.raiseForJob(ctx, job, "UNHANDLED_ERROR_EVENT", unhandled(errorCode, errorMessage));
    }
  }

  /** An error end event; uncaught, it becomes an incident on the end event. */
  void throwErrorFromEndEvent(ProcessingContext ctx, ElementInstance endEvent, String errorCode) {
    if (propagate(ctx, endEvent, false, EventType.ERROR, errorCode, Map.of()) == Outcome.UNCAUGHT) {
      incidents.raise(
          ctx,
          endEvent,
          "UNHANDLED_ERROR_EVENT",
          unhandled(errorCode, ""),
          IncidentBehavior.STEP_ACTIVATE);
    }
  }

  Outcome throwEscalation(ProcessingContext ctx, ElementInstance throwEvent, String code) {
    Map<String, Object> vars =
        ctx.state().localVariables(throwEvent.key()).isEmpty()
            ? Map.of()
            : new java.util.HashMap<>(localValues(ctx, throwEvent.key()));
    return propagate(ctx, throwEvent, false, EventType.ESCALATION, code, vars);
  }

  private Outcome propagate(
      ProcessingContext ctx,
      ElementInstance from,
      boolean fromActivity,
      EventType type,
      String code,
      Map<String, Object> vars) {
    ElementInstance current = fromActivity ? from : scopeOf(ctx, from);
    while (current != null) {
      ExecutableFlowNode node = transitions.node(ctx.state(), current);
      if (current != from && current.elementType().isContainer()) {
        ExecutableFlowNode start =
            match(
                node.eventSubprocesses().stream().flatMap(s -> s.startEvents().stream()).toList(),
                type,
                code);
        if (start != null) {
          trigger.startEventSubprocess(ctx, current, start, vars);
          return start.interrupting()
              ? Outcome.CAUGHT_INTERRUPTING
              : Outcome.CAUGHT_NON_INTERRUPTING;
        }
      }
      if (!current.isProcess()) {
        ExecutableFlowNode boundary = match(node.boundaryEvents(), type, code);
        if (boundary != null) {
          trigger.fireBoundary(ctx, current, boundary, vars);
          return boundary.interrupting()
              ? Outcome.CAUGHT_INTERRUPTING
              : Outcome.CAUGHT_NON_INTERRUPTING;
        }
      }
      current = scopeOf(ctx, current);
    }
    return Outcome.UNCAUGHT;
  }

  /** The enclosing scope; for a called process, the call activity that called it. */
  private static ElementInstance scopeOf(ProcessingContext ctx, ElementInstance instance) {
    long next =
        instance.isProcess() ? instance.parentElementInstanceKey() : instance.flowScopeKey();
    return next > 0 ? ctx.state().elementInstance(next).orElse(null) : null;
  }

  private static ExecutableFlowNode match(
      List<ExecutableFlowNode> events, EventType type, String code) {
    ExecutableFlowNode catchAll = null;
    for (ExecutableFlowNode event : events) {
      if (event.eventType() != type) {
        continue;
      }
      String caught = type == EventType.ERROR ? event.errorCode() : event.escalationCode();
      if (caught == null) {
        catchAll = catchAll == null ? event : catchAll;
      } else if (Objects.equals(caught, code)) {
        return event;
      }
    }
    return catchAll;
  }

  private static Map<String, Object> localValues(ProcessingContext ctx, long scopeKey) {
    Map<String, Object> values = new java.util.LinkedHashMap<>();
    ctx.state().localVariables(scopeKey).forEach((name, v) -> values.put(name, v.value()));
    return values;
  }

  private static String unhandled(String errorCode, String errorMessage) {
    return ("Expected to throw an error event with the code '%s' with message '%s', but it was not"
            + " caught. No error events are available in the scope.")
        .formatted(errorCode, errorMessage == null ? "" : errorMessage);
  }
}
