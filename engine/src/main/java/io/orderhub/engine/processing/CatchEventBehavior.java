package io.orderhub.engine.processing;

import io.orderhub.engine.feel.Evaluation;
import io.orderhub.engine.model.EventType;
import io.orderhub.engine.model.ExecutableFlowNode;
import io.orderhub.engine.record.EngineEvent.MessageSubscriptionClosed;
import io.orderhub.engine.record.EngineEvent.MessageSubscriptionOpened;
import io.orderhub.engine.record.EngineEvent.SignalSubscriptionClosed;
import io.orderhub.engine.record.EngineEvent.SignalSubscriptionOpened;
import io.orderhub.engine.record.EngineEvent.TimerCanceled;
import io.orderhub.engine.record.EngineEvent.TimerCreated;
import io.orderhub.engine.state.ElementInstance;
import io.orderhub.engine.state.MessageSubscription;
import java.util.ArrayList;
import java.util.List;

/**
 * Opens what an element waits for — message subscriptions, timers, signal subscriptions — for each
 * catch event it owns (itself, or the events after an event-based gateway), and closes them all
 * when one fires or the element ends.
 */
final class CatchEventBehavior {

  private final VariableBehavior variables;
  private final MessageCorrelator correlator;

  CatchEventBehavior(VariableBehavior variables, MessageCorrelator correlator) {
    this.variables = variables;
    this.correlator = correlator;
  }

  /**
   * Evaluates every catch event's expressions first, then opens them all; returns the failure
   * (nothing is opened then), or null.
   */
  String subscribe(
      ProcessingContext ctx, ElementInstance instance, List<ExecutableFlowNode> events) {
    List<Runnable> opens = new ArrayList<>();
    String bpmnProcessId =
        ctx.state().process(instance.processDefinitionKey()).orElseThrow().bpmnProcessId();
    for (ExecutableFlowNode event : events) {
      String failure =
          switch (event.eventType()) {
            case MESSAGE -> prepareMessage(ctx, instance, event, bpmnProcessId, opens);
            case TIMER -> prepareTimer(ctx, instance, event, opens);
            case SIGNAL -> prepareSignal(ctx, instance, event, opens);
            default -> null;
          };
      if (event.type() == io.orderhub.engine.model.BpmnElementType.RECEIVE_TASK) {
        failure = prepareMessage(ctx, instance, event, bpmnProcessId, opens);
      }
      if (failure != null) {
        return failure;
      }
    }
    opens.forEach(Runnable::run);
    return null;
  }

  private String prepareMessage(
      ProcessingContext ctx,
      ElementInstance instance,
      ExecutableFlowNode event,
      String bpmnProcessId,
      List<Runnable> opens) {
    Evaluation name = variables.evaluate(ctx, event.message().name(), instance.key());
    if (name.failed()) {
      return name.failure();
    }
    Evaluation correlationKey =
        variables.evaluate(ctx, event.message().correlationKey(), instance.key());
    if (correlationKey.failed()) {
      return "Failed to extract the correlation key for '%s': %s"
          .formatted(event.message().correlationKey().source(), correlationKey.failure());
    }
    Object key = correlationKey.value();
    if (!(key instanceof String) && !(key instanceof Number)) {
      return ("Failed to extract the correlation key for '%s': The value must be either a string"
              + " or a number, but was '%s'.")
          .formatted(event.message().correlationKey().source(), key);
    }
    opens.add(
        () -> {
          MessageSubscriptionOpened opened =
              new MessageSubscriptionOpened(
                  ctx.nextKey(),
                  instance.key(),
                  instance.processInstanceKey(),
                  bpmnProcessId,
                  String.valueOf(name.value()),
                  String.valueOf(key),
                  event.id(),
                  instance.tenantId());
          ctx.write(opened);
          ctx.followUp(
              () ->
                  ctx.state()
                      .messageSubscription(opened.key())
                      .ifPresent(s -> correlator.correlateBuffered(ctx, s)));
        });
    return null;
  }

  private String prepareTimer(
      ProcessingContext ctx,
      ElementInstance instance,
      ExecutableFlowNode event,
      List<Runnable> opens) {
    Evaluation value = variables.evaluate(ctx, event.timer().expression(), instance.key());
    if (value.failed()) {
      return value.failure();
    }
    TimerSchedule schedule;
    try {
      schedule = TimerSchedule.of(event.timer().kind(), value.value(), ctx.now());
    } catch (IllegalArgumentException e) {
      return "Expected a valid timer for '%s', but %s".formatted(event.id(), e.getMessage());
    }
    opens.add(
        () ->
            ctx.write(
                new TimerCreated(
                    ctx.nextKey(),
                    instance.key(),
                    instance.processInstanceKey(),
                    instance.processDefinitionKey(),
                    event.id(),
                    schedule.dueDate(),
                    schedule.repetitions(),
                    schedule.interval())));
    return null;
  }

  private String prepareSignal(
      ProcessingContext ctx,
      ElementInstance instance,
      ExecutableFlowNode event,
      List<Runnable> opens) {
    Evaluation name = variables.evaluate(ctx, event.signalName(), instance.key());
    if (name.failed()) {
      return name.failure();
    }
    opens.add(
        () ->
            ctx.write(
                new SignalSubscriptionOpened(
                    ctx.nextKey(),
                    instance.key(),
                    instance.processInstanceKey(),
                    String.valueOf(name.value()),
                    event.id(),
                    instance.tenantId())));
    return null;
  }

  /** Closes everything the element waits for. */
  void unsubscribe(ProcessingContext ctx, long elementInstanceKey) {
    unsubscribe(ctx, elementInstanceKey, catchElementId -> true);
  }

  /** Closes what the element waits for at the catch events the filter selects. */
  void unsubscribe(
      ProcessingContext ctx,
      long elementInstanceKey,
      java.util.function.Predicate<String> catchElementIds) {
    for (MessageSubscription subscription :
        ctx.state().subscriptionsOfElement(elementInstanceKey)) {
      if (catchElementIds.test(subscription.catchElementId())) {
        ctx.write(new MessageSubscriptionClosed(subscription.key()));
      }
    }
    ctx.state().timersOfElement(elementInstanceKey).stream()
        .filter(timer -> catchElementIds.test(timer.targetElementId()))
        .forEach(timer -> ctx.write(new TimerCanceled(timer.key())));
    ctx.state().signalSubscriptionsOfElement(elementInstanceKey).stream()
        .filter(s -> catchElementIds.test(s.catchElementId()))
        .forEach(s -> ctx.write(new SignalSubscriptionClosed(s.key())));
  }

  static boolean isCatchEvent(ExecutableFlowNode node) {
    return node.eventType() == EventType.MESSAGE
        || node.eventType() == EventType.TIMER
        || node.eventType() == EventType.SIGNAL;
  }
}
