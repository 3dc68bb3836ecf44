package io.orderhub.engine.record;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.orderhub.engine.model.BpmnElementType;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything that happened in the engine, in past tense. Engine state changes only by applying
 * these events, so replaying the journal rebuilds the state exactly. A released event's meaning
 * never changes: add a new event instead.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.SIMPLE_NAME, property = "@event")
public sealed interface EngineEvent {

  /** The key of the entity the event is about. */
  long key();

  // ---- deployment

  record ProcessDeployed(
      long key,
      long deploymentKey,
      String bpmnProcessId,
      int version,
      String resourceName,
      byte[] resource,
      String checksum,
      String tenantId,
      long deployedAt)
      implements EngineEvent {}

  // ---- decisions (DMN)

  /**
   * A new version of a DMN resource's decision requirements graph; {@code resource} is the file.
   */
  record DecisionRequirementsDeployed(
      long key,
      long deploymentKey,
      String decisionRequirementsId,
      String name,
      int version,
      String resourceName,
      byte[] resource,
      String checksum,
      String tenantId,
      long deployedAt)
      implements EngineEvent {}

  /** A new version of a decision, part of the decision requirements graph deployed with it. */
  record DecisionDeployed(
      long key,
      long deploymentKey,
      String decisionId,
      String name,
      int version,
      String versionTag,
      long decisionRequirementsKey,
      String decisionRequirementsId,
      String tenantId)
      implements EngineEvent {}

  /**
   * The decision versions a deployment held, new or unchanged ({@code key} is the deployment key),
   * so a business rule task bound to its deployment finds the decisions deployed with its process.
   */
  record DeploymentDecisionsLinked(long key, Map<String, Long> decisionKeys, String tenantId)
      implements EngineEvent {}

  /**
   * A decision was evaluated, by a business rule task ({@code elementInstanceKey}) or on request
   * (instance keys -1). On failure {@code output} is null and {@code failureMessage} says why.
   */
  record DecisionEvaluated(
      long key,
      long decisionKey,
      String decisionId,
      int decisionVersion,
      long decisionRequirementsKey,
      long processInstanceKey,
      long elementInstanceKey,
      Object output,
      String failedDecisionId,
      String failureMessage,
      String tenantId)
      implements EngineEvent {}

  // ---- process instances and their elements

  /**
   * An element instance starts. For the process element, {@code businessId}, {@code tags} and
   * {@code parentElementInstanceKey} (the calling call activity, 0 for a root instance) describe
   * the instance; for other elements they are empty.
   */
  record ElementActivating(
      long key,
      long processInstanceKey,
      long flowScopeKey,
      long processDefinitionKey,
      String elementId,
      BpmnElementType elementType,
      String businessId,
      Set<String> tags,
      String tenantId,
      long parentElementInstanceKey)
      implements EngineEvent {}

  /**
   * A process instance moved to another process version: every element instance, job and incident
   * of it now refers to the target definition, with element ids renamed by the mapping.
   */
  record ProcessInstanceMigrated(
      long key,
      long targetProcessDefinitionKey,
      String targetBpmnProcessId,
      int targetVersion,
      Map<String, String> elementMapping)
      implements EngineEvent {}

  /** A multi-instance body captured its input collection: one inner instance per item. */
  record MultiInstanceStarted(long key, List<Object> items) implements EngineEvent {}

  record ElementActivated(long key) implements EngineEvent {}

  record ElementCompleting(long key) implements EngineEvent {}

  record ElementCompleted(long key) implements EngineEvent {}

  record ElementTerminating(long key) implements EngineEvent {}

  record ElementTerminated(long key) implements EngineEvent {}

  /** A token moves along a flow; a joining gateway keeps it until its join condition holds. */
  record SequenceFlowTaken(
      long key, long processInstanceKey, long flowScopeKey, String flowId, String targetId)
      implements EngineEvent {}

  // ---- variables

  record VariableCreated(
      long key, long scopeKey, long processInstanceKey, String name, Object value)
      implements EngineEvent {}

  record VariableUpdated(
      long key, long scopeKey, long processInstanceKey, String name, Object value)
      implements EngineEvent {}

  // ---- jobs

  record JobCreated(
      long key,
      long elementInstanceKey,
      long processInstanceKey,
      long processDefinitionKey,
      String bpmnProcessId,
      int processDefinitionVersion,
      String elementId,
      String type,
      int retries,
      Map<String, String> customHeaders,
      String tenantId)
      implements EngineEvent {}

  record JobActivated(long key, String worker, long deadline) implements EngineEvent {}

  record JobCompleted(long key) implements EngineEvent {}

  /** {@code recurAt} is 0 when the job is activatable again at once (or out of retries). */
  record JobFailed(long key, int retries, String errorMessage, long recurAt)
      implements EngineEvent {}

  /** The retry back-off of a failed job elapsed: it is activatable again. */
  record JobRecurred(long key) implements EngineEvent {}

  record JobTimedOut(long key) implements EngineEvent {}

  /** A pushed job could not be handed to its stream: it is activatable again. */
  record JobYielded(long key) implements EngineEvent {}

  record JobRetriesUpdated(long key, int retries) implements EngineEvent {}

  record JobTimeoutUpdated(long key, long deadline) implements EngineEvent {}

  record JobErrorThrown(long key, String errorCode, String errorMessage) implements EngineEvent {}

  record JobCanceled(long key) implements EngineEvent {}

  // ---- messages

  record MessagePublished(
      long key,
      String name,
      String correlationKey,
      long deadline,
      String messageId,
      Map<String, Object> variables,
      String tenantId)
      implements EngineEvent {}

  record MessageExpired(long key) implements EngineEvent {}

  /** An element instance waits for a message ({@code catchElementId} is the catching event). */
  record MessageSubscriptionOpened(
      long key,
      long elementInstanceKey,
      long processInstanceKey,
      String bpmnProcessId,
      String messageName,
      String correlationKey,
      String catchElementId,
      String tenantId)
      implements EngineEvent {}

  record MessageSubscriptionClosed(long key) implements EngineEvent {}

  /**
   * A message reached a waiting subscription (and so its process instance), or started a process
   * ({@code key} is then the started instance and subscriptionKey -1).
   */
  record MessageCorrelated(
      long key,
      long subscriptionKey,
      long messageKey,
      long processInstanceKey,
      String bpmnProcessId,
      String correlationKey)
      implements EngineEvent {}

  // ---- timers

  /**
   * A timer of a waiting element, or of a timer start event ({@code elementInstanceKey} -1). {@code
   * repetitions} counts the cycles still to come after this one, -1 for unbounded.
   */
  record TimerCreated(
      long key,
      long elementInstanceKey,
      long processInstanceKey,
      long processDefinitionKey,
      String targetElementId,
      long dueDate,
      int repetitions,
      String cycleInterval)
      implements EngineEvent {}

  record TimerTriggered(long key) implements EngineEvent {}

  record TimerCanceled(long key) implements EngineEvent {}

  // ---- signals

  record SignalSubscriptionOpened(
      long key,
      long elementInstanceKey,
      long processInstanceKey,
      String signalName,
      String catchElementId,
      String tenantId)
      implements EngineEvent {}

  record SignalSubscriptionClosed(long key) implements EngineEvent {}

  record SignalBroadcasted(
      long key, String signalName, Map<String, Object> variables, String tenantId)
      implements EngineEvent {}

  /**
   * Root-level conditional start events were evaluated on request (EvaluateConditional), for one
   * definition ({@code processDefinitionKey}) or, when it is -1, every latest one of the tenant.
   * The instances it started follow as their own events.
   */
  record ConditionalEvaluated(
      long key, long processDefinitionKey, Map<String, Object> variables, String tenantId)
      implements EngineEvent {}

  // ---- compensation

  /**
   * An activity with a compensation handler completed in a scope: it can be compensated later. For
   * a completed subprocess (or multi-instance body) that holds such activities, {@code handlerId}
   * is null and {@code innerScopeKey} is its instance, so compensation reaches inside.
   */
  record CompensationSubscriptionOpened(
      long key,
      long processInstanceKey,
      long scopeKey,
      String elementId,
      String handlerId,
      long innerScopeKey)
      implements EngineEvent {}

  /**
   * A compensation throw event used the subscription: its handler instance started (or, for a
   * subprocess subscription, its inner ones did). {@code handlerInstanceKey} is -1 then.
   */
  record CompensationTriggered(long key, long throwEventKey, long handlerInstanceKey)
      implements EngineEvent {}

  // ---- incidents

  /**
   * An element or job cannot go on. {@code failedStep} says what resolving retries: ACTIVATE or
   * COMPLETE of the element, or the JOB (which goes on once its retries are raised).
   */
  record IncidentCreated(
      long key,
      String errorType,
      String errorMessage,
      long processInstanceKey,
      long elementInstanceKey,
      String elementId,
      long jobKey,
      long processDefinitionKey,
      String bpmnProcessId,
      String tenantId,
      String failedStep,
      long createdAt)
      implements EngineEvent {}

  record IncidentResolved(long key) implements EngineEvent {}

  // ---- keys

  /**
   * Keys up to {@code key} were handed out to clients by a batch whose other events do not carry
   * them (a deployment that changed nothing, SetVariables). Without it a restart would hand the
   * same keys out again, and keys must be unique forever.
   */
  record KeysReserved(long key) implements EngineEvent {}
}
