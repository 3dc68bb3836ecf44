package io.orderhub.engine.processing;

import io.orderhub.engine.feel.Evaluation;
import io.orderhub.engine.model.BpmnElementType;
import io.orderhub.engine.model.ExecutableFlowNode;
import io.orderhub.engine.model.ExecutableSequenceFlow;
import io.orderhub.engine.state.ElementInstance;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Intermediate throw and end events: none, terminate, link, error, escalation, signal,
 * compensation, and message (a job, as in Zeebe).
 */
final class ThrowEventBehavior implements ElementBehavior {

  private final ElementBehaviors.Shared shared;
  private final ElementBehaviors.JobTaskBehavior jobTask;

  ThrowEventBehavior(ElementBehaviors.Shared shared, ElementBehaviors.JobTaskBehavior jobTask) {
    this.shared = shared;
    this.jobTask = jobTask;
  }

  @Override
  public void onActivate(ProcessingContext ctx, ElementInstance instance, ExecutableFlowNode node) {
    if (node.job() != null) {
      jobTask.onActivate(ctx, instance, node);
      return;
    }
    ElementTransitions transitions = shared.transitions();
    switch (node.eventType()) {
      case ERROR -> shared.thrown().throwErrorFromEndEvent(ctx, instance, node.errorCode());
      case ESCALATION -> {
        Evaluation code =
            shared.variables().evaluate(ctx, node.thrownEscalationCode(), instance.key());
        if (code.failed() || !(code.value() instanceof String thrownCode) || thrownCode.isBlank()) {
          shared
              .incidents()
              .raise(
                  ctx,
                  instance,
                  "EXTRACT_VALUE_ERROR",
                  code.failed()
                      ? code.failure()
                      : "Expected the escalation code '%s' to be a non-empty string, but was '%s'"
                          .formatted(node.thrownEscalationCode(), code.value()),
                  IncidentBehavior.STEP_ACTIVATE);
          return;
        }
        shared.thrown().throwEscalation(ctx, instance, thrownCode);
        // an interrupting catch terminated the thrower with its scope; otherwise it goes on
        ctx.state()
            .elementInstance(instance.key())
            .ifPresent(stillThere -> transitions.complete(ctx, stillThere));
      }
      case SIGNAL -> {
        Evaluation name = shared.variables().evaluate(ctx, node.signalName(), instance.key());
        if (name.failed()) {
          shared
              .incidents()
              .raise(
                  ctx,
                  instance,
                  "EXTRACT_VALUE_ERROR",
                  name.failure(),
                  IncidentBehavior.STEP_ACTIVATE);
          return;
        }
        Map<String, Object> vars = new LinkedHashMap<>();
        ctx.state().localVariables(instance.key()).forEach((k, v) -> vars.put(k, v.value()));
        shared.signals().broadcast(ctx, String.valueOf(name.value()), vars, instance.tenantId());
        transitions.complete(ctx, instance);
      }
      case COMPENSATION -> {
        if (shared.compensation().throwCompensation(ctx, instance, node) == 0) {
          transitions.complete(ctx, instance);
        } else {
          transitions.markActivated(ctx, instance); // waits for the handlers
        }
      }
      default -> transitions.complete(ctx, instance);
    }
  }

  @Override
  public List<ExecutableSequenceFlow> onComplete(
      ProcessingContext ctx, ElementInstance instance, ExecutableFlowNode node) {
    switch (node.eventType()) {
      case TERMINATE -> {
        // a terminate end event ends every other path of its scope; the scope then completes
        for (ElementInstance sibling : ctx.state().children(instance.flowScopeKey())) {
          if (sibling.key() != instance.key()) {
            shared.transitions().terminate(ctx, sibling);
          }
        }
        return List.of();
      }
      case LINK -> {
        if (node.type() == BpmnElementType.INTERMEDIATE_THROW_EVENT) {
          shared
              .transitions()
              .activate(
                  ctx,
                  node.linkTarget(),
                  ctx.state().requireElementInstance(instance.flowScopeKey()));
          return List.of();
        }
        return node.outgoing();
      }
      default -> {
        return node.outgoing();
      }
    }
  }

  @Override
  public void onTerminate(
      ProcessingContext ctx, ElementInstance instance, ExecutableFlowNode node) {
    jobTask.onTerminate(ctx, instance, node);
  }
}
