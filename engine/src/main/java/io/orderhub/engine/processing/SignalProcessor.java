package io.orderhub.engine.processing;

import io.orderhub.engine.model.EventType;
import io.orderhub.engine.record.EngineEvent.SignalBroadcasted;
import io.orderhub.engine.state.EngineState.StartEventRef;
import io.orderhub.engine.state.SignalSubscription;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Broadcasts signals: every waiting signal catch event fires, every signal start event starts. */
final class SignalProcessor {

  private final CatchTrigger trigger;
  private final ProcessInstanceStarter starter;

  SignalProcessor(CatchTrigger trigger, ProcessInstanceStarter starter) {
    this.trigger = trigger;
    this.starter = starter;
  }

  long broadcast(
      ProcessingContext ctx, String signalName, Map<String, Object> vars, String tenantId) {
    if (signalName == null || signalName.isBlank()) {
      throw Rejections.invalidArgument("Expected a signal name, but none given");
    }
    Map<String, Object> variables = vars == null ? Map.of() : vars;
    long key = ctx.nextKey();
    ctx.write(new SignalBroadcasted(key, signalName, variables, tenantId));
    for (SignalSubscription subscription : ctx.state().signalSubscriptions(tenantId, signalName)) {
      trigger.fire(
          ctx, subscription.elementInstanceKey(), subscription.catchElementId(), variables);
    }
    for (StartEventRef ref : ctx.state().latestStartEvents(EventType.SIGNAL)) {
      if (ref.process().tenantId().equals(tenantId)
          && ref.startEvent().signalName().source().equals(signalName)) {
        starter.start(ctx, ref.process(), List.of(ref.startEvent()), variables, null, Set.of());
      }
    }
    return key;
  }
}
