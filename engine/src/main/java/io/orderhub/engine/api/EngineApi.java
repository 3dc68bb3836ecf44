package io.orderhub.engine.api;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The engine's command surface, as the gateways see it. Each call becomes one command; the returned
 * future completes only after the command's events are durable (fsynced), or exceptionally with an
 * {@link EngineRejection} when the engine rejects the command.
 *
 * <p>Thread-safety: all methods may be called from any thread. Variables are plain Java values as
 * Jackson reads JSON: {@code Map<String,Object>}, {@code List<Object>}, {@code String}, {@code
 * Number}, {@code Boolean} or {@code null}.
 */
public interface EngineApi {

  Topology topology();

  CompletableFuture<DeploymentResult> deploy(DeployCommand command);

  /**
   * Creates a process instance. With {@link CreateProcessInstanceCommand#awaitCompletion()} the
   * future completes when the instance completes, carrying its (fetched) variables; otherwise when
   * the creation is durable.
   */
  CompletableFuture<ProcessInstanceCreated> createProcessInstance(
      CreateProcessInstanceCommand command);

  CompletableFuture<Void> cancelProcessInstance(long processInstanceKey);

  /**
   * Activates up to {@code maxJobs} jobs. When none is activatable the request waits (long polling)
   * until jobs arrive or {@code requestTimeout} passes, then completes with what it got (possibly
   * an empty list). A non-positive request timeout completes at once.
   */
  CompletableFuture<List<ActivatedJob>> activateJobs(ActivateJobsCommand command);

  /**
   * Opens a job stream: jobs of the type are pushed to the consumer as they become activatable. A
   * job the consumer refuses (returns false) is yielded back to be activatable again.
   */
  JobStream openJobStream(JobStreamRequest request, JobStreamConsumer consumer);

  CompletableFuture<Void> completeJob(long jobKey, Map<String, Object> variables);

  CompletableFuture<Void> failJob(
      long jobKey,
      int retries,
      String errorMessage,
      Duration retryBackoff,
      Map<String, Object> variables);

  CompletableFuture<Void> throwError(
      long jobKey, String errorCode, String errorMessage, Map<String, Object> variables);

  CompletableFuture<Void> updateJobRetries(long jobKey, int retries);

  CompletableFuture<Void> updateJobTimeout(long jobKey, Duration timeout);

  CompletableFuture<MessagePublished> publishMessage(PublishMessageCommand command);

  CompletableFuture<Void> resolveIncident(long incidentKey);

  /** Returns the key of the variable document. */
  CompletableFuture<Long> setVariables(
      long elementInstanceKey, Map<String, Object> variables, boolean local);

  /** Returns the key of the signal. */
  CompletableFuture<Long> broadcastSignal(
      String signalName, Map<String, Object> variables, String tenantId);

  /**
   * Evaluates a deployed decision with the given variables. Rejected with NOT_FOUND when no such
   * decision is deployed; a failed evaluation is an answer with its failed decision and message.
   *
   * <p>A default so that engines without decisions (and test doubles) need not implement it.
   */
  default CompletableFuture<DecisionEvaluationResult> evaluateDecision(
      EvaluateDecisionCommand command) {
    return CompletableFuture.failedFuture(
        new EngineRejection(
            EngineRejection.RejectionType.UNIMPLEMENTED,
            "Expected to evaluate a decision, but this engine does not evaluate decisions"));
  }

  /**
   * Evaluates root-level conditional start events (Camunda 8.9's EvaluateConditional); rejected
   * with NOT_FOUND for an unknown process definition key.
   */
  default CompletableFuture<ConditionalEvaluated> evaluateConditional(
      EvaluateConditionalCommand command) {
    return CompletableFuture.failedFuture(
        new EngineRejection(
            EngineRejection.RejectionType.UNIMPLEMENTED, "EvaluateConditional is not supported"));
  }

  default CompletableFuture<Void> modifyProcessInstance(ModifyProcessInstanceCommand command) {
    return CompletableFuture.failedFuture(
        new EngineRejection(
            EngineRejection.RejectionType.UNIMPLEMENTED, "ModifyProcessInstance is not supported"));
  }

  default CompletableFuture<Void> migrateProcessInstance(MigrateProcessInstanceCommand command) {
    return CompletableFuture.failedFuture(
        new EngineRejection(
            EngineRejection.RejectionType.UNIMPLEMENTED,
            "MigrateProcessInstance is not supported"));
  }
}
