package io.orderhub.engine.state;

import io.orderhub.engine.record.EngineEvent;
import io.orderhub.engine.record.EngineEvent.CompensationSubscriptionOpened;
import io.orderhub.engine.record.EngineEvent.CompensationTriggered;
import io.orderhub.engine.record.EngineEvent.DecisionDeployed;
import io.orderhub.engine.record.EngineEvent.DecisionEvaluated;
import io.orderhub.engine.record.EngineEvent.DecisionRequirementsDeployed;
import io.orderhub.engine.record.EngineEvent.DeploymentDecisionsLinked;
import io.orderhub.engine.record.EngineEvent.ElementActivated;
import io.orderhub.engine.record.EngineEvent.ElementActivating;
import io.orderhub.engine.record.EngineEvent.ElementCompleted;
import io.orderhub.engine.record.EngineEvent.ElementCompleting;
import io.orderhub.engine.record.EngineEvent.ElementTerminated;
import io.orderhub.engine.record.EngineEvent.ElementTerminating;
import io.orderhub.engine.record.EngineEvent.IncidentCreated;
import io.orderhub.engine.record.EngineEvent.IncidentResolved;
import io.orderhub.engine.record.EngineEvent.JobActivated;
import io.orderhub.engine.record.EngineEvent.JobCanceled;
import io.orderhub.engine.record.EngineEvent.JobCompleted;
import io.orderhub.engine.record.EngineEvent.JobCreated;
import io.orderhub.engine.record.EngineEvent.JobErrorThrown;
import io.orderhub.engine.record.EngineEvent.JobFailed;
import io.orderhub.engine.record.EngineEvent.JobRecurred;
import io.orderhub.engine.record.EngineEvent.JobRetriesUpdated;
import io.orderhub.engine.record.EngineEvent.JobTimedOut;
import io.orderhub.engine.record.EngineEvent.JobTimeoutUpdated;
import io.orderhub.engine.record.EngineEvent.JobYielded;
import io.orderhub.engine.record.EngineEvent.KeysReserved;
import io.orderhub.engine.record.EngineEvent.MessageCorrelated;
import io.orderhub.engine.record.EngineEvent.MessageExpired;
import io.orderhub.engine.record.EngineEvent.MessagePublished;
import io.orderhub.engine.record.EngineEvent.MessageSubscriptionClosed;
import io.orderhub.engine.record.EngineEvent.MessageSubscriptionOpened;
import io.orderhub.engine.record.EngineEvent.MultiInstanceStarted;
import io.orderhub.engine.record.EngineEvent.ProcessDeployed;
import io.orderhub.engine.record.EngineEvent.ProcessInstanceMigrated;
import io.orderhub.engine.record.EngineEvent.SequenceFlowTaken;
import io.orderhub.engine.record.EngineEvent.SignalBroadcasted;
import io.orderhub.engine.record.EngineEvent.SignalSubscriptionClosed;
import io.orderhub.engine.record.EngineEvent.SignalSubscriptionOpened;
import io.orderhub.engine.record.EngineEvent.TimerCanceled;
import io.orderhub.engine.record.EngineEvent.TimerCreated;
import io.orderhub.engine.record.EngineEvent.TimerTriggered;
import io.orderhub.engine.record.EngineEvent.VariableCreated;
import io.orderhub.engine.record.EngineEvent.VariableUpdated;
import io.orderhub.engine.state.ElementInstance.Lifecycle;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The only code that changes {@link EngineState}: one case per event. Deterministic, reads nothing
 * but the state and the event, so replay gives the state the live run had.
 */
public final class EventApplier {

  private final EngineState state;
  private volatile AppliedEventObserver observer = AppliedEventObserver.NONE;

  public EventApplier(EngineState state) {
    this.state = state;
  }

  /** Records that the batch at this journal position is applied (snapshots start after it). */
  public void appliedUpTo(long position) {
    state.position = position;
  }

  /** Shows every event applied from now on to {@code next}; set before applying starts. */
  public void observe(AppliedEventObserver next) {
    observer = next;
  }

  public void apply(EngineEvent event) {
    observer.applying(event, state);
    if (event.key() > state.lastKey) {
      state.lastKey = event.key();
    }
    switch (event) {
      case ProcessDeployed e -> {
        state.lastKey = Math.max(state.lastKey, e.deploymentKey());
        state.putProcess(
            new ProcessDefinition(
                e.key(),
                e.bpmnProcessId(),
                e.version(),
                e.resourceName(),
                e.resource(),
                e.checksum(),
                e.deploymentKey(),
                e.tenantId(),
                e.deployedAt()));
      }
      case DecisionRequirementsDeployed e -> {
        state.lastKey = Math.max(state.lastKey, e.deploymentKey());
        state.decisions.putRequirements(
            new DecisionRequirementsDefinition(
                e.key(),
                e.decisionRequirementsId(),
                e.name(),
                e.version(),
                e.resourceName(),
                e.resource(),
                e.checksum(),
                e.deploymentKey(),
                e.tenantId(),
                e.deployedAt()));
      }
      case DecisionDeployed e ->
          state.decisions.putDecision(
              new DecisionDefinition(
                  e.key(),
                  e.decisionId(),
                  e.name(),
                  e.version(),
                  e.versionTag(),
                  e.decisionRequirementsKey(),
                  e.decisionRequirementsId(),
                  e.deploymentKey(),
                  e.tenantId()));
      case DeploymentDecisionsLinked e ->
          state.decisions.putDeploymentDecisions(e.key(), e.decisionKeys());
      case DecisionEvaluated e -> {}
      case ElementActivating e -> {
        consumeJoinTokens(e);
        state.putElementInstance(
            new ElementInstance(
                e.key(),
                e.processInstanceKey(),
                e.flowScopeKey(),
                e.processDefinitionKey(),
                e.elementId(),
                e.elementType(),
                Lifecycle.ACTIVATING,
                e.businessId(),
                e.tags(),
                e.tenantId(),
                e.parentElementInstanceKey()));
      }
      case ProcessInstanceMigrated e -> state.migrate(e);
      case MultiInstanceStarted e -> state.multiInstanceItems.put(e.key(), e.items());
      case CompensationSubscriptionOpened e ->
          state.putCompensationSubscription(
              new CompensationSubscription(
                  e.key(),
                  e.processInstanceKey(),
                  e.scopeKey(),
                  e.elementId(),
                  e.handlerId(),
                  e.innerScopeKey()));
      case CompensationTriggered e -> {
        state.removeCompensationSubscription(e.key());
        if (e.handlerInstanceKey() > 0) {
          state.compensationHandlers.put(e.handlerInstanceKey(), e.throwEventKey());
        }
      }
      case ElementActivated e -> lifecycle(e.key(), Lifecycle.ACTIVATED);
      case ElementCompleting e -> lifecycle(e.key(), Lifecycle.COMPLETING);
      case ElementTerminating e -> lifecycle(e.key(), Lifecycle.TERMINATING);
      case ElementCompleted e -> state.removeElementInstance(e.key());
      case ElementTerminated e -> state.removeElementInstance(e.key());
      case SequenceFlowTaken e -> {
        if (joins(e)) {
          state
              .joinTokens
              .computeIfAbsent(e.flowScopeKey(), k -> new HashMap<>())
              .merge(e.flowId(), 1, Integer::sum);
        }
      }
      case VariableCreated e ->
          setVariable(e.key(), e.scopeKey(), e.processInstanceKey(), e.name(), e.value());
      case VariableUpdated e ->
          setVariable(e.key(), e.scopeKey(), e.processInstanceKey(), e.name(), e.value());
      case JobCreated e ->
          state.putJob(
              new Job(
                  e.key(),
                  e.elementInstanceKey(),
                  e.processInstanceKey(),
                  e.processDefinitionKey(),
                  e.bpmnProcessId(),
                  e.processDefinitionVersion(),
                  e.elementId(),
                  e.type(),
                  e.retries(),
                  e.customHeaders(),
                  e.tenantId(),
                  Job.Status.ACTIVATABLE,
                  null,
                  0,
                  null,
                  0));
      case JobActivated e ->
          state.putJob(job(e.key()).with(Job.Status.ACTIVATED, e.worker(), e.deadline()));
      case JobFailed e ->
          state.putJob(job(e.key()).withFailure(e.retries(), e.errorMessage(), e.recurAt()));
      case JobRecurred e -> makeActivatable(e.key());
      case JobTimedOut e -> makeActivatable(e.key());
      case JobYielded e -> makeActivatable(e.key());
      case JobRetriesUpdated e -> state.putJob(job(e.key()).withRetries(e.retries()));
      case JobTimeoutUpdated e -> {
        Job job = job(e.key());
        state.putJob(job.with(job.status(), job.worker(), e.deadline()));
      }
      case JobErrorThrown e -> {
        Job job = job(e.key());
        state.putJob(job.with(Job.Status.ERROR_THROWN, job.worker(), 0));
      }
      case JobCompleted e -> state.removeJob(e.key());
      case JobCanceled e -> state.removeJob(e.key());
      case MessagePublished e ->
          state.putMessage(
              new Message(
                  e.key(),
                  e.name(),
                  e.correlationKey(),
                  e.deadline(),
                  e.messageId(),
                  e.variables(),
                  e.tenantId(),
                  Set.of()));
      case MessageExpired e -> state.removeMessage(e.key());
      case MessageSubscriptionOpened e ->
          state.putMessageSubscription(
              new MessageSubscription(
                  e.key(),
                  e.elementInstanceKey(),
                  e.processInstanceKey(),
                  e.bpmnProcessId(),
                  e.messageName(),
                  e.correlationKey(),
                  e.catchElementId(),
                  e.tenantId()));
      case MessageSubscriptionClosed e -> state.removeMessageSubscription(e.key());
      case MessageCorrelated e -> {
        state.removeMessageSubscription(e.subscriptionKey());
        if (e.subscriptionKey() < 0
            && e.correlationKey() != null
            && !e.correlationKey().isEmpty()) {
          state
              .elementInstance(e.processInstanceKey())
              .ifPresent(
                  pi ->
                      state.putMessageStart(
                          pi.key(),
                          pi.tenantId() + "/" + e.bpmnProcessId() + "/" + e.correlationKey()));
        }
        Message message = state.messages.get(e.messageKey());
        if (message != null) {
          Set<String> correlated = new HashSet<>(message.correlatedProcesses());
          correlated.add(e.bpmnProcessId());
          state.messages.put(
              message.key(),
              new Message(
                  message.key(),
                  message.name(),
                  message.correlationKey(),
                  message.deadline(),
                  message.messageId(),
                  message.variables(),
                  message.tenantId(),
                  Set.copyOf(correlated)));
        }
      }
      case TimerCreated e ->
          state.putTimer(
              new Timer(
                  e.key(),
                  e.elementInstanceKey(),
                  e.processInstanceKey(),
                  e.processDefinitionKey(),
                  e.targetElementId(),
                  e.dueDate(),
                  e.repetitions(),
                  e.cycleInterval()));
      case TimerTriggered e -> state.removeTimer(e.key());
      case TimerCanceled e -> state.removeTimer(e.key());
      case SignalSubscriptionOpened e ->
          state.putSignalSubscription(
              new SignalSubscription(
                  e.key(),
                  e.elementInstanceKey(),
                  e.processInstanceKey(),
                  e.signalName(),
                  e.catchElementId(),
                  e.tenantId()));
      case SignalSubscriptionClosed e -> state.removeSignalSubscription(e.key());
      case SignalBroadcasted e -> {}
      case IncidentCreated e ->
          state.putIncident(
              new Incident(
                  e.key(),
                  e.errorType(),
                  e.errorMessage(),
                  e.processInstanceKey(),
                  e.elementInstanceKey(),
                  e.elementId(),
                  e.jobKey(),
                  e.processDefinitionKey(),
                  e.bpmnProcessId(),
                  e.tenantId(),
                  e.failedStep(),
                  e.createdAt()));
      case IncidentResolved e -> state.removeIncident(e.key());
      // its key already raised lastKey above; that is all it records
      case KeysReserved e -> {}
      // a request's record: what it started is written as its own events
      case EngineEvent.ConditionalEvaluated e -> {}
    }
  }

  /** A token taken towards a parallel or inclusive gateway waits there until the join fires. */
  private boolean joins(SequenceFlowTaken e) {
    ElementInstance scope = state.elementInstances.get(e.flowScopeKey());
    if (scope == null) {
      return false;
    }
    var target = state.executable(scope.processDefinitionKey()).element(e.targetId());
    return switch (target.type()) {
      case PARALLEL_GATEWAY, INCLUSIVE_GATEWAY -> target.incoming().size() > 1;
      default -> false;
    };
  }

  /** Activating a joining gateway takes one waiting token from each incoming flow that has one. */
  private void consumeJoinTokens(ElementActivating e) {
    Map<String, Integer> tokens = state.joinTokens.get(e.flowScopeKey());
    if (tokens == null) {
      return;
    }
    var node = state.executable(e.processDefinitionKey()).elements().get(e.elementId());
    if (node == null || node.incoming().size() < 2) {
      return;
    }
    for (var flow : node.incoming()) {
      tokens.computeIfPresent(flow.id(), (id, count) -> count > 1 ? count - 1 : null);
    }
    if (tokens.isEmpty()) {
      state.joinTokens.remove(e.flowScopeKey());
    }
  }

  private void setVariable(
      long key, long scopeKey, long processInstanceKey, String name, Object value) {
    state.putVariable(new Variable(key, scopeKey, processInstanceKey, name, value));
  }

  private void makeActivatable(long jobKey) {
    state.putJob(job(jobKey).with(Job.Status.ACTIVATABLE, null, 0));
  }

  private Job job(long key) {
    Job job = state.jobs.get(key);
    if (job == null) {
      throw new IllegalStateException("Expected job %d to exist, but it does not".formatted(key));
    }
    return job;
  }

  private void lifecycle(long key, Lifecycle lifecycle) {
    state.putElementInstance(state.requireElementInstance(key).withLifecycle(lifecycle));
  }
}
