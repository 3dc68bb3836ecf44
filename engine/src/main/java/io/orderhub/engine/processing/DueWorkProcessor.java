package io.orderhub.engine.processing;

import io.orderhub.engine.record.EngineEvent.JobRecurred;
import io.orderhub.engine.record.EngineEvent.JobTimedOut;
import io.orderhub.engine.record.EngineEvent.MessageExpired;
import io.orderhub.engine.record.EngineEvent.TimerCreated;
import io.orderhub.engine.record.EngineEvent.TimerTriggered;
import io.orderhub.engine.state.ElementInstance;
import io.orderhub.engine.state.Timer;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What falls due with time: timers fire, activated jobs past their deadline time out, failed jobs
 * past their back-off recur, buffered messages past their TTL expire. Bounded per batch so one
 * burst of due work does not hold up commands.
 */
final class DueWorkProcessor {

  static final int MAX_PER_BATCH = 500;

  private final CatchTrigger trigger;
  private final ProcessInstanceStarter starter;

  DueWorkProcessor(CatchTrigger trigger, ProcessInstanceStarter starter) {
    this.trigger = trigger;
    this.starter = starter;
  }

  void process(ProcessingContext ctx) {
    long now = ctx.now();
    int budget = MAX_PER_BATCH;
    for (Long key : limit(ctx.state().timersDue(now), budget)) {
      fireTimer(ctx, ctx.state().timer(key).orElseThrow());
      budget--;
    }
    for (Long key : limit(ctx.state().jobsTimedOut(now), budget)) {
      ctx.write(new JobTimedOut(key));
      budget--;
    }
    for (Long key : limit(ctx.state().jobsToRecur(now), budget)) {
      ctx.write(new JobRecurred(key));
      budget--;
    }
    for (Long key : limit(ctx.state().messagesExpired(now), budget)) {
      ctx.write(new MessageExpired(key));
      budget--;
    }
  }

  private void fireTimer(ProcessingContext ctx, Timer timer) {
    ctx.write(new TimerTriggered(timer.key()));
    TimerSchedule schedule =
        new TimerSchedule(timer.dueDate(), timer.repetitions(), timer.cycleInterval());
    if (timer.elementInstanceKey() > 0) {
      trigger.fire(ctx, timer.elementInstanceKey(), timer.targetElementId(), Map.of());
      // a cycle on a non-interrupting event goes on while its element waits
      boolean stillWaiting =
          ctx.state()
              .elementInstance(timer.elementInstanceKey())
              .filter(e -> e.lifecycle() == ElementInstance.Lifecycle.ACTIVATED)
              .isPresent();
      if (stillWaiting && schedule.repeats() && schedule.interval() != null) {
        reschedule(ctx, timer, schedule.next());
      }
      return;
    }
    var process = ctx.state().process(timer.processDefinitionKey()).orElseThrow();
    var start = ctx.state().executable(process.key()).element(timer.targetElementId());
    starter.start(ctx, process, List.of(start), Map.of(), null, Set.of());
    if (schedule.repeats() && schedule.interval() != null) {
      reschedule(ctx, timer, schedule.next());
    }
  }

  private static void reschedule(ProcessingContext ctx, Timer timer, TimerSchedule next) {
    ctx.write(
        new TimerCreated(
            ctx.nextKey(),
            timer.elementInstanceKey(),
            timer.processInstanceKey(),
            timer.processDefinitionKey(),
            timer.targetElementId(),
            next.dueDate(),
            next.repetitions(),
            next.interval()));
  }

  private static List<Long> limit(List<Long> keys, int budget) {
    return budget <= 0 ? List.of() : keys.subList(0, Math.min(keys.size(), budget));
  }
}
