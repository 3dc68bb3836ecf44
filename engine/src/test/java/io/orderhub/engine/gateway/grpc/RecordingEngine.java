package io.orderhub.engine.gateway.grpc;

import io.orderhub.engine.api.ActivateJobsCommand;
import io.orderhub.engine.api.ActivatedJob;
import io.orderhub.engine.api.CreateProcessInstanceCommand;
import io.orderhub.engine.api.DeployCommand;
import io.orderhub.engine.api.DeploymentResult;
import io.orderhub.engine.api.EngineApi;
import io.orderhub.engine.api.JobStream;
import io.orderhub.engine.api.JobStreamConsumer;
import io.orderhub.engine.api.JobStreamRequest;
import io.orderhub.engine.api.MessagePublished;
import io.orderhub.engine.api.ProcessInstanceCreated;
import io.orderhub.engine.api.PublishMessageCommand;
import io.orderhub.engine.api.Topology;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;

/**
 * A test double for {@link EngineApi}: answers with canned results (or {@link #failure} for every
 * command) and records what each method received, keyed by method name.
 */
final class RecordingEngine implements EngineApi {

  final Map<String, List<Object>> received = new ConcurrentHashMap<>();

  volatile RuntimeException failure;
  volatile Topology topology = new Topology("engine-host", 26500, "0.1.0-test", 1, "cluster-7");
  volatile DeploymentResult deployment;
  volatile ProcessInstanceCreated created;
  volatile List<ActivatedJob> jobs = List.of();
  volatile MessagePublished published;
  volatile long variablesKey;
  volatile long signalKey;

  /** The consumer of the last opened job stream, as soon as it is opened. */
  final CompletableFuture<JobStreamConsumer> streamOpened = new CompletableFuture<>();

  final CountDownLatch streamClosed = new CountDownLatch(1);

  /** The arguments of the last call to {@code method}. */
  List<Object> last(String method) {
    final List<Object> args = received.get(method);
    if (args == null) {
      throw new AssertionError("engine." + method + " was not called; got " + received.keySet());
    }
    return args;
  }

  @SuppressWarnings("unchecked")
  <T> T lastCommand(String method) {
    return (T) last(method).get(0);
  }

  private <T> CompletableFuture<T> answer(String method, T result, Object... args) {
    received.put(method, Arrays.asList(args));
    final RuntimeException f = failure;
    return f != null
        ? CompletableFuture.failedFuture(f)
        : CompletableFuture.completedFuture(result);
  }

  @Override
  public Topology topology() {
    return topology;
  }

  @Override
  public CompletableFuture<DeploymentResult> deploy(DeployCommand command) {
    return answer("deploy", deployment, command);
  }

  @Override
  public CompletableFuture<ProcessInstanceCreated> createProcessInstance(
      CreateProcessInstanceCommand command) {
    return answer("createProcessInstance", created, command);
  }

  @Override
  public CompletableFuture<Void> cancelProcessInstance(long processInstanceKey) {
    return answer("cancelProcessInstance", null, processInstanceKey);
  }

  @Override
  public CompletableFuture<List<ActivatedJob>> activateJobs(ActivateJobsCommand command) {
    return answer("activateJobs", jobs, command);
  }

  @Override
  public JobStream openJobStream(JobStreamRequest request, JobStreamConsumer consumer) {
    received.put("openJobStream", List.of(request));
    streamOpened.complete(consumer);
    return streamClosed::countDown;
  }

  @Override
  public CompletableFuture<Void> completeJob(long jobKey, Map<String, Object> variables) {
    return answer("completeJob", null, jobKey, variables);
  }

  @Override
  public CompletableFuture<Void> failJob(
      long jobKey,
      int retries,
      String errorMessage,
      Duration retryBackoff,
      Map<String, Object> variables) {
    return answer("failJob", null, jobKey, retries, errorMessage, retryBackoff, variables);
  }

  @Override
  public CompletableFuture<Void> throwError(
      long jobKey, String errorCode, String errorMessage, Map<String, Object> variables) {
    return answer("throwError", null, jobKey, errorCode, errorMessage, variables);
  }

  @Override
  public CompletableFuture<Void> updateJobRetries(long jobKey, int retries) {
    return answer("updateJobRetries", null, jobKey, retries);
  }

  @Override
  public CompletableFuture<Void> updateJobTimeout(long jobKey, Duration timeout) {
    return answer("updateJobTimeout", null, jobKey, timeout);
  }

  @Override
  public CompletableFuture<MessagePublished> publishMessage(PublishMessageCommand command) {
    return answer("publishMessage", published, command);
  }

  @Override
  public CompletableFuture<Void> resolveIncident(long incidentKey) {
    return answer("resolveIncident", null, incidentKey);
  }

  @Override
  public CompletableFuture<Long> setVariables(
      long elementInstanceKey, Map<String, Object> variables, boolean local) {
    return answer("setVariables", variablesKey, elementInstanceKey, variables, local);
  }

  @Override
  public CompletableFuture<Long> broadcastSignal(
      String signalName, Map<String, Object> variables, String tenantId) {
    return answer("broadcastSignal", signalKey, signalName, variables, tenantId);
  }
}
