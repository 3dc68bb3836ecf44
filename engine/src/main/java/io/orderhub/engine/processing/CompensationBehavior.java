package io.orderhub.engine.processing;

import io.orderhub.engine.model.BpmnElementType;
import io.orderhub.engine.model.ExecutableFlowNode;
import io.orderhub.engine.model.ExecutableProcess;
import io.orderhub.engine.record.EngineEvent.CompensationSubscriptionOpened;
import io.orderhub.engine.record.EngineEvent.CompensationTriggered;
import io.orderhub.engine.state.CompensationSubscription;
import io.orderhub.engine.state.ElementInstance;
import io.orderhub.engine.state.ElementInstance.Lifecycle;
import java.util.ArrayList;
import java.util.List;

/**
 * Compensation as Zeebe documents it, with the rules this engine follows written down in
 * engine/README.md ("Compensation"): only activities that completed are compensated, each
 * completion once; a throw event compensates the completed activities of its scope — of the scope
 * around its event subprocess when thrown from one — and inside completed subprocesses of that
 * scope, or only the one named by {@code activityRef}; all handlers start at once (most recently
 * completed first) and the throw event waits until every one has completed.
 */
final class CompensationBehavior {

  private final ElementTransitions transitions;

  CompensationBehavior(ElementTransitions transitions) {
    this.transitions = transitions;
  }

  /**
   * An element is about to complete: remember it when it can be compensated, or when it is a scope
   * holding compensable activities.
   */
  void onCompleting(ProcessingContext ctx, ElementInstance instance, ExecutableFlowNode node) {
    if (instance.isProcess()) {
      return;
    }
    boolean body = instance.elementType() == BpmnElementType.MULTI_INSTANCE_BODY;
    if (node.compensationHandler() != null && !node.isForCompensation() && !body) {
      ctx.write(
          new CompensationSubscriptionOpened(
              ctx.nextKey(),
              instance.processInstanceKey(),
              instance.flowScopeKey(),
              instance.elementId(),
              node.compensationHandler().id(),
              -1));
    } else if (instance.elementType().isContainer()
        && !ctx.state().compensationSubscriptions(instance.key()).isEmpty()) {
      ctx.write(
          new CompensationSubscriptionOpened(
              ctx.nextKey(),
              instance.processInstanceKey(),
              instance.flowScopeKey(),
              instance.elementId(),
              null,
              instance.key()));
    }
  }

  /** Starts the handlers a compensation throw event calls for; returns how many started. */
  int throwCompensation(
      ProcessingContext ctx, ElementInstance throwEvent, ExecutableFlowNode node) {
    ElementInstance scope = ctx.state().requireElementInstance(throwEvent.flowScopeKey());
    if (scope.elementType() == BpmnElementType.EVENT_SUB_PROCESS) {
      scope = ctx.state().requireElementInstance(scope.flowScopeKey());
    }
    List<CompensationSubscription> handlers = new ArrayList<>();
    collect(ctx, throwEvent, scope.key(), node.compensationActivityRef(), handlers);
    ExecutableProcess process = ctx.state().executable(throwEvent.processDefinitionKey());
    ElementInstance target = scope;
    // most recently completed first: the saga's natural undo order
    handlers.sort((a, b) -> Long.compare(b.key(), a.key()));
    for (CompensationSubscription subscription : handlers) {
      long handlerKey =
          transitions.activate(ctx, process.element(subscription.handlerId()), target);
      ctx.write(new CompensationTriggered(subscription.key(), throwEvent.key(), handlerKey));
    }
    return handlers.size();
  }

  private void collect(
      ProcessingContext ctx,
      ElementInstance throwEvent,
      long scopeKey,
      String activityRef,
      List<CompensationSubscription> into) {
    for (CompensationSubscription subscription : ctx.state().compensationSubscriptions(scopeKey)) {
      boolean named = activityRef == null || activityRef.equals(subscription.elementId());
      if (subscription.handlerId() != null) {
        if (named) {
          into.add(subscription);
        }
      } else {
        collect(ctx, throwEvent, subscription.innerScopeKey(), named ? null : activityRef, into);
        if (named) {
          ctx.write(new CompensationTriggered(subscription.key(), throwEvent.key(), -1));
        }
      }
    }
  }

  /**
   * A compensation handler is about to complete: once it is the last one its throw event waited
   * for, the throw event completes.
   */
  void handlerCompleting(ProcessingContext ctx, ElementInstance handler) {
    long throwEventKey = ctx.state().compensationThrowOf(handler.key());
    if (throwEventKey < 0) {
      return;
    }
    ctx.followUp(
        () -> {
          if (ctx.state().compensationPending(throwEventKey)) {
            return;
          }
          ctx.state()
              .elementInstance(throwEventKey)
              .filter(e -> e.lifecycle() == Lifecycle.ACTIVATED)
              .ifPresent(e -> transitions.complete(ctx, e));
        });
  }
}
