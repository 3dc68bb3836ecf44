package io.orderhub.engine.processing;

import io.orderhub.engine.record.EngineEvent;
import io.orderhub.engine.state.EngineState;
import io.orderhub.engine.state.EventApplier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * One batch: the events a command produces, the follow-up steps it schedules and what must happen
 * once the batch is durable. Events are applied to the state as they are written, so later steps of
 * the same batch see them.
 *
 * <p>Not thread-safe: lives on the processing thread for one command.
 */
final class ProcessingContext {

  private final EngineState state;
  private final EventApplier applier;
  private final KeyGenerator keys;
  private final long now;
  private final List<EngineEvent> events = new ArrayList<>();
  private final Deque<Runnable> followUps = new ArrayDeque<>();
  private final List<Runnable> afterCommit = new ArrayList<>();
  private boolean jobsBecameActivatable;
  private final java.util.Set<Long> instancesWithChangedVariables = new java.util.LinkedHashSet<>();
  private final int stepBudget;
  private int steps;
  private long resourceBytes;

  ProcessingContext(
      EngineState state, EventApplier applier, KeyGenerator keys, long now, int stepBudget) {
    this.state = state;
    this.applier = applier;
    this.keys = keys;
    this.now = now;
    this.stepBudget = stepBudget;
  }

  /**
   * A step of an element's lifecycle that the state alone can resume (the element instance waits in
   * ACTIVATING or COMPLETING): such steps may be left for a later batch.
   */
  record ElementStep(long elementInstanceKey, boolean completing, Runnable body)
      implements Runnable {
    @Override
    public void run() {
      body.run();
    }
  }

  EngineState state() {
    return state;
  }

  /** The engine clock's time when the batch started; every event of the batch shares it. */
  long now() {
    return now;
  }

  long nextKey() {
    return keys.next();
  }

  void write(EngineEvent event) {
    if (event instanceof EngineEvent.ProcessDeployed deployed && deployed.resource() != null) {
      resourceBytes += deployed.resource().length;
    }
    applier.apply(event);
    events.add(event);
    switch (event) {
      case EngineEvent.VariableCreated v ->
          instancesWithChangedVariables.add(v.processInstanceKey());
      case EngineEvent.VariableUpdated v ->
          instancesWithChangedVariables.add(v.processInstanceKey());
      case EngineEvent.JobCreated ignored -> jobsBecameActivatable = true;
      case EngineEvent.JobRecurred ignored -> jobsBecameActivatable = true;
      case EngineEvent.JobTimedOut ignored -> jobsBecameActivatable = true;
      case EngineEvent.JobYielded ignored -> jobsBecameActivatable = true;
      case EngineEvent.JobFailed failed when failed.retries() > 0 && failed.recurAt() == 0 ->
          jobsBecameActivatable = true;
      default -> {}
    }
  }

  /** Runs a step after the current one, in the same batch (keeps deep processes off the stack). */
  void followUp(Runnable step) {
    followUps.addLast(step);
  }

  void afterCommit(Runnable action) {
    afterCommit.add(action);
  }

  /**
   * Runs the scheduled steps. Once the batch has run its budget of steps and only element steps are
   * left, those stay queued for {@link #takeDeferredSteps()}: a loop without a wait state then
   * moves on in later batches instead of holding the processing thread.
   */
  void drainFollowUps() {
    Runnable next;
    while ((next = followUps.peekFirst()) != null) {
      if (steps >= stepBudget && onlyElementStepsLeft()) {
        return;
      }
      followUps.pollFirst();
      steps++;
      next.run();
    }
  }

  private boolean onlyElementStepsLeft() {
    for (Runnable step : followUps) {
      if (!(step instanceof ElementStep)) {
        return false;
      }
    }
    return true;
  }

  /** The element steps left over by the budget, to run in a later batch (removed from here). */
  List<ElementStep> takeDeferredSteps() {
    List<ElementStep> deferred = new ArrayList<>();
    for (Runnable step : followUps) {
      deferred.add((ElementStep) step);
    }
    followUps.clear();
    return deferred;
  }

  /** Bytes of deployed resources this batch's events carry: the bulk of a deployment's entry. */
  long resourceBytes() {
    return resourceBytes;
  }

  List<EngineEvent> events() {
    return events;
  }

  List<Runnable> afterCommitActions() {
    return afterCommit;
  }

  /** Process instances whose variables changed since the last call (cleared by it). */
  java.util.Set<Long> takeInstancesWithChangedVariables() {
    java.util.Set<Long> changed = new java.util.LinkedHashSet<>(instancesWithChangedVariables);
    instancesWithChangedVariables.clear();
    return changed;
  }

  boolean jobsBecameActivatable() {
    return jobsBecameActivatable;
  }
}
