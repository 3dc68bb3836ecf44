package io.orderhub.engine.gateway.rest;

import io.camunda.client.protocol.rest.ActivatedJobResult;
import io.camunda.client.protocol.rest.JobActivationRequest;
import io.camunda.client.protocol.rest.JobActivationResult;
import io.camunda.client.protocol.rest.JobChangeset;
import io.camunda.client.protocol.rest.JobCompletionRequest;
import io.camunda.client.protocol.rest.JobErrorRequest;
import io.camunda.client.protocol.rest.JobFailRequest;
import io.camunda.client.protocol.rest.JobKindEnum;
import io.camunda.client.protocol.rest.JobListenerEventTypeEnum;
import io.camunda.client.protocol.rest.JobUpdateRequest;
import io.orderhub.engine.api.ActivateJobsCommand;
import io.orderhub.engine.api.ActivatedJob;
import io.orderhub.engine.api.EngineApi;
import io.orderhub.engine.api.RequestTimeouts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;

/** Activation (long polling), completion, failure, BPMN errors and updates of jobs. */
final class JobRoutes {

  private JobRoutes() {}

  static List<Route> routes(EngineApi engine) {
    return List.of(
        Route.post("/v2/jobs/activation", request -> activate(engine, request)),
        Route.post("/v2/jobs/{jobKey}/completion", request -> complete(engine, request)),
        Route.post("/v2/jobs/{jobKey}/failure", request -> fail(engine, request)),
        Route.post("/v2/jobs/{jobKey}/error", request -> throwError(engine, request)),
        Route.patch("/v2/jobs/{jobKey}", request -> update(engine, request)));
  }

  private static RestResponse activate(EngineApi engine, RestRequest request) throws Exception {
    ActivateJobsCommand command = toCommand(request.json(JobActivationRequest.class));
    // Answer when the engine's long poll ends: with jobs, or empty at the request timeout.
    List<ActivatedJob> jobs =
        EngineCalls.await(
            engine.activateJobs(command), command.requestTimeout().plus(EngineCalls.GRACE));
    List<ActivatedJobResult> results = new ArrayList<>(jobs.size());
    jobs.forEach(job -> results.add(toRest(job)));
    return RestResponse.json(new JobActivationResult().jobs(results));
  }

  static ActivateJobsCommand toCommand(JobActivationRequest body) {
    String type = RequestFields.require(body.getType(), "type");
    long timeout = RequestFields.require(body.getTimeout(), "timeout");
    int maxJobs = RequestFields.require(body.getMaxJobsToActivate(), "maxJobsToActivate");
    if (maxJobs < 1) {
      throw RestProblem.invalidArgument(
          "Invalid value for field 'maxJobsToActivate': must be at least 1, got " + maxJobs);
    }
    Long requestMillis = body.getRequestTimeout();
    Duration requestTimeout = RequestTimeouts.longPoll(requestMillis == null ? 0 : requestMillis);
    // Without identity, "assigned tenants" (tenantFilter ASSIGNED, no ids) is the default tenant.
    List<String> tenantIds = RequestFields.list(body.getTenantIds());
    if (tenantIds.isEmpty()) {
      tenantIds = List.of(RequestFields.DEFAULT_TENANT);
    }
    return new ActivateJobsCommand(
        type,
        RequestFields.orEmpty(body.getWorker()),
        Duration.ofMillis(timeout),
        maxJobs,
        RequestFields.list(body.getFetchVariable()),
        tenantIds,
        requestTimeout);
  }

  static ActivatedJobResult toRest(ActivatedJob job) {
    return new ActivatedJobResult()
        .jobKey(Long.toString(job.key()))
        .type(job.type())
        .processInstanceKey(Long.toString(job.processInstanceKey()))
        .processDefinitionId(job.bpmnProcessId())
        .processDefinitionVersion(job.processDefinitionVersion())
        .processDefinitionKey(Long.toString(job.processDefinitionKey()))
        .elementId(job.elementId())
        .elementInstanceKey(Long.toString(job.elementInstanceKey()))
        .customHeaders(
            job.customHeaders() == null
                ? new LinkedHashMap<>()
                : new LinkedHashMap<>(job.customHeaders()))
        .worker(job.worker())
        .retries(job.retries())
        .deadline(job.deadline())
        .variables(
            job.variables() == null ? new LinkedHashMap<>() : new LinkedHashMap<>(job.variables()))
        .tenantId(job.tenantId())
        // The engine runs no task or execution listeners: every job is a BPMN element's job.
        .kind(JobKindEnum.BPMN_ELEMENT)
        .listenerEventType(JobListenerEventTypeEnum.UNSPECIFIED)
        .tags(job.tags() == null ? new LinkedHashSet<>() : new LinkedHashSet<>(job.tags()));
  }

  private static RestResponse complete(EngineApi engine, RestRequest request) throws Exception {
    long key = request.pathKey("jobKey");
    JobCompletionRequest body = request.json(JobCompletionRequest.class);
    if (body.getResult() != null) {
      // Results correct user tasks or steer ad-hoc sub-processes; the engine has neither.
      throw RestProblem.unimplemented("Job completion 'result' is not supported by Order Hub");
    }
    EngineCalls.await(
        engine.completeJob(key, RequestFields.variables(body.getVariables())),
        EngineCalls.COMMAND_TIMEOUT);
    return RestResponse.noContent();
  }

  private static RestResponse fail(EngineApi engine, RestRequest request) throws Exception {
    long key = request.pathKey("jobKey");
    JobFailRequest body = request.json(JobFailRequest.class);
    int retries = body.getRetries() == null ? 0 : body.getRetries();
    EngineCalls.await(
        engine.failJob(
            key,
            retries,
            RequestFields.orEmpty(body.getErrorMessage()),
            RequestFields.millis(body.getRetryBackOff(), Duration.ZERO),
            RequestFields.variables(body.getVariables())),
        EngineCalls.COMMAND_TIMEOUT);
    return RestResponse.noContent();
  }

  private static RestResponse throwError(EngineApi engine, RestRequest request) throws Exception {
    long key = request.pathKey("jobKey");
    JobErrorRequest body = request.json(JobErrorRequest.class);
    String errorCode = RequestFields.require(body.getErrorCode(), "errorCode");
    EngineCalls.await(
        engine.throwError(
            key,
            errorCode,
            RequestFields.orEmpty(body.getErrorMessage()),
            RequestFields.variables(body.getVariables())),
        EngineCalls.COMMAND_TIMEOUT);
    return RestResponse.noContent();
  }

  private static RestResponse update(EngineApi engine, RestRequest request) throws Exception {
    long key = request.pathKey("jobKey");
    JobChangeset changeset =
        RequestFields.require(request.json(JobUpdateRequest.class).getChangeset(), "changeset");
    if (changeset.getRetries() == null && changeset.getTimeout() == null) {
      throw RestProblem.invalidArgument(
          "Empty changeset: provide 'changeset.retries' and/or 'changeset.timeout'");
    }
    // Two engine commands: EngineApi has no combined update, so a rejection of the second
    // leaves the first applied (as two separate client calls would).
    if (changeset.getRetries() != null) {
      EngineCalls.await(
          engine.updateJobRetries(key, changeset.getRetries()), EngineCalls.COMMAND_TIMEOUT);
    }
    if (changeset.getTimeout() != null) {
      EngineCalls.await(
          engine.updateJobTimeout(key, Duration.ofMillis(changeset.getTimeout())),
          EngineCalls.COMMAND_TIMEOUT);
    }
    return RestResponse.noContent();
  }
}
