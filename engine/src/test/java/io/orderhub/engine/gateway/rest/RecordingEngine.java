package io.orderhub.engine.gateway.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderhub.engine.api.ActivateJobsCommand;
import io.orderhub.engine.api.ActivatedJob;
import io.orderhub.engine.api.CreateProcessInstanceCommand;
import io.orderhub.engine.api.DeployCommand;
import io.orderhub.engine.api.DeploymentResult;
import io.orderhub.engine.api.EngineApi;
import io.orderhub.engine.api.EngineRejection;
import io.orderhub.engine.api.JobStream;
import io.orderhub.engine.api.JobStreamConsumer;
import io.orderhub.engine.api.JobStreamRequest;
import io.orderhub.engine.api.MessagePublished;
import io.orderhub.engine.api.ProcessInstanceCreated;
import io.orderhub.engine.api.PublishMessageCommand;
import io.orderhub.engine.api.Topology;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A fake engine: records every call in arrival order and answers with canned results, or with
 * {@link #rejectWith} for every command.
 */
final class RecordingEngine implements EngineApi {

  record CancelInstance(long processInstanceKey) {}

  record CompleteJob(long jobKey, Map<String, Object> variables) {}

  record FailJob(
      long jobKey,
      int retries,
      String errorMessage,
      Duration retryBackoff,
      Map<String, Object> variables) {}

  record ThrowError(
      long jobKey, String errorCode, String errorMessage, Map<String, Object> variables) {}

  record UpdateRetries(long jobKey, int retries) {}

  record UpdateTimeout(long jobKey, Duration timeout) {}

  record ResolveIncident(long incidentKey) {}

  record SetVariables(long elementInstanceKey, Map<String, Object> variables, boolean local) {}

  record BroadcastSignal(String signalName, Map<String, Object> variables, String tenantId) {}

  record OpenJobStream(JobStreamRequest request) {}

  private final BlockingQueue<Object> calls = new LinkedBlockingQueue<>();

  /** Futures handed out to activations in order; when empty, a long poll that times out empty. */
  final BlockingQueue<CompletableFuture<List<ActivatedJob>>> activations =
      new LinkedBlockingQueue<>();

  /**
   * How long an activation without prepared future waits before answering empty; null: its
   * requestTimeout.
   */
  volatile Duration emptyPollTime;

  volatile EngineRejection rejectWith;
  volatile Topology topology = new Topology("orderhub", 26500, "0.1.0", 1, "orderhub-cluster");
  volatile DeploymentResult deploymentResult = new DeploymentResult(1, "<default>", List.of());
  volatile ProcessInstanceCreated created;
  volatile MessagePublished messagePublished = new MessagePublished(1, "<default>");
  volatile long variablesKey = 1;
  volatile long signalKey = 1;

  /** The next recorded call, which must be of the given type. */
  <T> T nextCall(Class<T> type) throws InterruptedException {
    Object call = calls.poll(10, TimeUnit.SECONDS);
    assertThat(call).as("next engine call").isInstanceOf(type);
    return type.cast(call);
  }

  boolean noMoreCalls() {
    return calls.isEmpty();
  }

  private <T> CompletableFuture<T> answer(Object call, T result) {
    calls.add(call);
    EngineRejection rejection = rejectWith;
    return rejection != null
        ? CompletableFuture.failedFuture(rejection)
        : CompletableFuture.completedFuture(result);
  }

  @Override
  public Topology topology() {
    return topology;
  }

  @Override
  public CompletableFuture<DeploymentResult> deploy(DeployCommand command) {
    return answer(command, deploymentResult);
  }

  @Override
  public CompletableFuture<ProcessInstanceCreated> createProcessInstance(
      CreateProcessInstanceCommand command) {
    return answer(command, created);
  }

  @Override
  public CompletableFuture<Void> cancelProcessInstance(long processInstanceKey) {
    return answer(new CancelInstance(processInstanceKey), null);
  }

  @Override
  public CompletableFuture<List<ActivatedJob>> activateJobs(ActivateJobsCommand command) {
    if (rejectWith != null) {
      return answer(command, null);
    }
    calls.add(command);
    CompletableFuture<List<ActivatedJob>> prepared = activations.poll();
    if (prepared != null) {
      return prepared;
    }
    // Like the engine's long poll: nothing arrives, so answer empty at the request timeout.
    Duration wait = emptyPollTime != null ? emptyPollTime : command.requestTimeout();
    return CompletableFuture.supplyAsync(
        List::of, CompletableFuture.delayedExecutor(wait.toMillis(), TimeUnit.MILLISECONDS));
  }

  @Override
  public JobStream openJobStream(JobStreamRequest request, JobStreamConsumer consumer) {
    calls.add(new OpenJobStream(request));
    return () -> {};
  }

  @Override
  public CompletableFuture<Void> completeJob(long jobKey, Map<String, Object> variables) {
    return answer(new CompleteJob(jobKey, variables), null);
  }

  @Override
  public CompletableFuture<Void> failJob(
      long jobKey,
      int retries,
      String errorMessage,
      Duration retryBackoff,
      Map<String, Object> variables) {
    return answer(new FailJob(jobKey, retries, errorMessage, retryBackoff, variables), null);
  }

  @Override
  public CompletableFuture<Void> throwError(
      long jobKey, String errorCode, String errorMessage, Map<String, Object> variables) {
    return answer(new ThrowError(jobKey, errorCode, errorMessage, variables), null);
  }

  @Override
  public CompletableFuture<Void> updateJobRetries(long jobKey, int retries) {
    return answer(new UpdateRetries(jobKey, retries), null);
  }

  @Override
  public CompletableFuture<Void> updateJobTimeout(long jobKey, Duration timeout) {
    return answer(new UpdateTimeout(jobKey, timeout), null);
  }

  @Override
  public CompletableFuture<MessagePublished> publishMessage(PublishMessageCommand command) {
    return answer(command, messagePublished);
  }

  @Override
  public CompletableFuture<Void> resolveIncident(long incidentKey) {
    return answer(new ResolveIncident(incidentKey), null);
  }

  @Override
  public CompletableFuture<Long> setVariables(
      long elementInstanceKey, Map<String, Object> variables, boolean local) {
    return answer(new SetVariables(elementInstanceKey, variables, local), variablesKey);
  }

  @Override
  public CompletableFuture<Long> broadcastSignal(
      String signalName, Map<String, Object> variables, String tenantId) {
    return answer(new BroadcastSignal(signalName, variables, tenantId), signalKey);
  }
}
