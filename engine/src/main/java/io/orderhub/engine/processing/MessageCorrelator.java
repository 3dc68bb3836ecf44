package io.orderhub.engine.processing;

import io.orderhub.engine.model.EventType;
import io.orderhub.engine.record.EngineEvent.MessageCorrelated;
import io.orderhub.engine.state.EngineState.StartEventRef;
import io.orderhub.engine.state.Message;
import io.orderhub.engine.state.MessageSubscription;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Correlates messages as Zeebe documents: by name and correlation key; a message reaches at most
 * one subscription per BPMN process id; a buffered message waits for subscriptions opened during
 * its time to live; a message start event starts an instance unless one started by the same
 * correlation key is still active.
 */
final class MessageCorrelator {

  private CatchTrigger trigger;
  private ProcessInstanceStarter starter;

  void wire(CatchTrigger trigger, ProcessInstanceStarter starter) {
    this.trigger = trigger;
    this.starter = starter;
  }

  /** A new message: correlate it to open subscriptions and message start events. */
  void correlatePublished(ProcessingContext ctx, Message message) {
    Set<String> reached = new HashSet<>(message.correlatedProcesses());
    List<MessageSubscription> open =
        ctx.state().openSubscriptions(message.tenantId(), message.name(), message.correlationKey());
    for (MessageSubscription subscription : open) {
      if (reached.add(subscription.bpmnProcessId())) {
        correlate(ctx, subscription, message);
      }
    }
    for (StartEventRef ref : ctx.state().latestStartEvents(EventType.MESSAGE)) {
      if (!ref.process().tenantId().equals(message.tenantId())
          || reached.contains(ref.process().bpmnProcessId())) {
        continue;
      }
      String name = String.valueOf(ref.startEvent().message().name().source());
      if (!name.equals(message.name())) {
        continue;
      }
      if (message.correlationKey() != null
          && !message.correlationKey().isEmpty()
          && ctx.state()
              .activeMessageStart(
                  message.tenantId(), ref.process().bpmnProcessId(), message.correlationKey())
              .isPresent()) {
        continue; // one active instance per correlation key
      }
      reached.add(ref.process().bpmnProcessId());
      long instanceKey =
          starter.start(
              ctx, ref.process(), List.of(ref.startEvent()), message.variables(), null, Set.of());
      ctx.write(
          new MessageCorrelated(
              instanceKey,
              -1,
              message.key(),
              instanceKey,
              ref.process().bpmnProcessId(),
              message.correlationKey()));
    }
  }

  /**
   * An instance a message start event started ended: the oldest message buffered meanwhile for the
   * same correlation key now starts the next instance.
   */
  void startNextForCorrelationKey(
      ProcessingContext ctx, String tenantId, String bpmnProcessId, String correlationKey) {
    for (StartEventRef ref : ctx.state().latestStartEvents(EventType.MESSAGE)) {
      if (!ref.process().bpmnProcessId().equals(bpmnProcessId)
          || !ref.process().tenantId().equals(tenantId)) {
        continue;
      }
      String name = ref.startEvent().message().name().source();
      for (Message message : ctx.state().bufferedMessages(tenantId, name, correlationKey)) {
        if (message.deadline() > ctx.now()
            && !message.correlatedProcesses().contains(bpmnProcessId)) {
          correlatePublished(ctx, message);
          return;
        }
      }
    }
  }

  /** A new subscription: take the oldest buffered message not yet correlated to its process. */
  void correlateBuffered(ProcessingContext ctx, MessageSubscription subscription) {
    for (Message message :
        ctx.state()
            .bufferedMessages(
                subscription.tenantId(),
                subscription.messageName(),
                subscription.correlationKey())) {
      if (message.deadline() > ctx.now()
          && !message.correlatedProcesses().contains(subscription.bpmnProcessId())) {
        correlate(ctx, subscription, message);
        return;
      }
    }
  }

  private void correlate(ProcessingContext ctx, MessageSubscription subscription, Message message) {
    ctx.write(
        new MessageCorrelated(
            subscription.key(),
            subscription.key(),
            message.key(),
            subscription.processInstanceKey(),
            subscription.bpmnProcessId(),
            message.correlationKey()));
    trigger.fire(
        ctx, subscription.elementInstanceKey(), subscription.catchElementId(), message.variables());
  }
}
