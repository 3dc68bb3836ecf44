package io.orderhub.engine.gateway.grpc;

import io.camunda.zeebe.gateway.protocol.GatewayGrpc;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ActivateJobsRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ActivateJobsResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ActivatedJob;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.BroadcastSignalRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.BroadcastSignalResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.CancelProcessInstanceRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.CancelProcessInstanceResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.CompleteJobRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.CompleteJobResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.CreateProcessInstanceRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.CreateProcessInstanceResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.CreateProcessInstanceWithResultRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.CreateProcessInstanceWithResultResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.DeleteResourceRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.DeleteResourceResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.DeployProcessRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.DeployProcessResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.DeployResourceRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.DeployResourceResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.EvaluateConditionalRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.EvaluateConditionalResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.EvaluateDecisionRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.EvaluateDecisionResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.FailJobRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.FailJobResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.MigrateProcessInstanceRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.MigrateProcessInstanceResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ModifyProcessInstanceRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ModifyProcessInstanceResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ProcessInstanceReference;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.PublishMessageRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.PublishMessageResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ResolveIncidentRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ResolveIncidentResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.SetVariablesRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.SetVariablesResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.StreamActivatedJobsRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ThrowErrorRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ThrowErrorResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.TopologyRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.TopologyResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.UpdateJobRetriesRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.UpdateJobRetriesResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.UpdateJobTimeoutRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.UpdateJobTimeoutResponse;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import io.orderhub.engine.api.EngineApi;
import io.orderhub.engine.api.EvaluateConditionalCommand;
import io.orderhub.engine.api.JobStream;
import io.orderhub.engine.api.JobStreamRequest;
import io.orderhub.engine.api.MigrateProcessInstanceCommand;
import io.orderhub.engine.api.ModifyProcessInstanceCommand;
import io.orderhub.engine.api.PublishMessageCommand;
import io.orderhub.engine.api.RequestTimeouts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * The Zeebe gateway service over {@link EngineApi}. It only translates: every decision about
 * processes, jobs and messages belongs to the engine, so this class holds no state.
 */
public final class GatewayService extends GatewayGrpc.GatewayImplBase {

  private final EngineApi engine;
  private final IntSupplier boundPort;

  /**
   * @param boundPort the gateway's own port, reported in the topology when the engine has none
   */
  public GatewayService(EngineApi engine, IntSupplier boundPort) {
    this.engine = engine;
    this.boundPort = boundPort;
  }

  @Override
  public void topology(TopologyRequest request, StreamObserver<TopologyResponse> observer) {
    reply(
        observer,
        () -> CompletableFuture.completedFuture(engine.topology()),
        t -> GrpcMapping.topology(t, boundPort.getAsInt()));
  }

  @Override
  public void deployResource(
      DeployResourceRequest request, StreamObserver<DeployResourceResponse> observer) {
    reply(observer, () -> engine.deploy(GrpcMapping.deploy(request)), GrpcMapping::deployed);
  }

  @Override
  public void createProcessInstance(
      CreateProcessInstanceRequest request,
      StreamObserver<CreateProcessInstanceResponse> observer) {
    reply(
        observer,
        () -> engine.createProcessInstance(GrpcMapping.create(request)),
        GrpcMapping::created);
  }

  @Override
  public void createProcessInstanceWithResult(
      CreateProcessInstanceWithResultRequest request,
      StreamObserver<CreateProcessInstanceWithResultResponse> observer) {
    // 0 means "the gateway's generic timeout"
    final Duration timeout = RequestTimeouts.awaitCompletion(request.getRequestTimeout());
    reply(
        observer,
        () ->
            engine.createProcessInstance(
                GrpcMapping.create(
                    request.getRequest(), true, request.getFetchVariablesList(), timeout)),
        GrpcMapping::completed);
  }

  @Override
  public void cancelProcessInstance(
      CancelProcessInstanceRequest request,
      StreamObserver<CancelProcessInstanceResponse> observer) {
    reply(
        observer,
        () -> engine.cancelProcessInstance(request.getProcessInstanceKey()),
        v -> CancelProcessInstanceResponse.getDefaultInstance());
  }

  @Override
  public void activateJobs(
      ActivateJobsRequest request, StreamObserver<ActivateJobsResponse> observer) {
    final CompletableFuture<List<io.orderhub.engine.api.ActivatedJob>> jobs;
    try {
      jobs = engine.activateJobs(GrpcMapping.activate(request));
    } catch (RuntimeException e) {
      observer.onError(GrpcErrors.toStatus(e));
      return;
    }
    final ServerCallStreamObserver<ActivateJobsResponse> call =
        (ServerCallStreamObserver<ActivateJobsResponse>) observer;
    // a worker that gave up waiting must not receive jobs: cancelling the future makes the
    // engine's complete() return false, its cue to hand the jobs to someone else
    call.setOnCancelHandler(() -> jobs.cancel(false));
    jobs.whenComplete(
        (activated, failure) -> {
          if (call.isCancelled()) {
            return;
          }
          if (failure != null) {
            call.onError(GrpcErrors.toStatus(failure));
            return;
          }
          try {
            // Zeebe sends nothing for an empty activation; clients count responses, not jobs
            if (!activated.isEmpty()) {
              call.onNext(
                  ActivateJobsResponse.newBuilder()
                      .addAllJobs(activated.stream().map(GrpcMapping::job).toList())
                      .build());
            }
            call.onCompleted();
          } catch (RuntimeException e) {
            call.onError(GrpcErrors.toStatus(e));
          }
        });
  }

  @Override
  public void streamActivatedJobs(
      StreamActivatedJobsRequest request, StreamObserver<ActivatedJob> observer) {
    final JobStreamSink sink = new JobStreamSink((ServerCallStreamObserver<ActivatedJob>) observer);
    final JobStream stream;
    try {
      stream =
          engine.openJobStream(
              new JobStreamRequest(
                  request.getType(),
                  request.getWorker(),
                  Duration.ofMillis(request.getTimeout()),
                  List.copyOf(request.getFetchVariableList()),
                  GrpcMapping.tenants(request.getTenantIdsList())),
              sink);
    } catch (RuntimeException e) {
      sink.fail(e);
      return;
    }
    sink.attach(stream);
  }

  @Override
  public void completeJob(
      CompleteJobRequest request, StreamObserver<CompleteJobResponse> observer) {
    reply(
        observer,
        () -> {
          if (request.hasResult()) {
            throw GrpcErrors.unimplemented("CompleteJob with a job result");
          }
          return engine.completeJob(
              request.getJobKey(), GrpcJson.readObject("variables", request.getVariables()));
        },
        v -> CompleteJobResponse.getDefaultInstance());
  }

  @Override
  public void failJob(FailJobRequest request, StreamObserver<FailJobResponse> observer) {
    reply(
        observer,
        () ->
            engine.failJob(
                request.getJobKey(),
                request.getRetries(),
                request.getErrorMessage(),
                Duration.ofMillis(request.getRetryBackOff()),
                GrpcJson.readObject("variables", request.getVariables())),
        v -> FailJobResponse.getDefaultInstance());
  }

  @Override
  public void throwError(ThrowErrorRequest request, StreamObserver<ThrowErrorResponse> observer) {
    reply(
        observer,
        () ->
            engine.throwError(
                request.getJobKey(),
                request.getErrorCode(),
                request.getErrorMessage(),
                GrpcJson.readObject("variables", request.getVariables())),
        v -> ThrowErrorResponse.getDefaultInstance());
  }

  @Override
  public void updateJobRetries(
      UpdateJobRetriesRequest request, StreamObserver<UpdateJobRetriesResponse> observer) {
    reply(
        observer,
        () -> engine.updateJobRetries(request.getJobKey(), request.getRetries()),
        v -> UpdateJobRetriesResponse.getDefaultInstance());
  }

  @Override
  public void updateJobTimeout(
      UpdateJobTimeoutRequest request, StreamObserver<UpdateJobTimeoutResponse> observer) {
    reply(
        observer,
        () -> engine.updateJobTimeout(request.getJobKey(), Duration.ofMillis(request.getTimeout())),
        v -> UpdateJobTimeoutResponse.getDefaultInstance());
  }

  @Override
  public void publishMessage(
      PublishMessageRequest request, StreamObserver<PublishMessageResponse> observer) {
    reply(
        observer,
        () ->
            engine.publishMessage(
                new PublishMessageCommand(
                    request.getName(),
                    request.getCorrelationKey(),
                    Duration.ofMillis(request.getTimeToLive()),
                    request.getMessageId().isEmpty() ? null : request.getMessageId(),
                    GrpcJson.readObject("variables", request.getVariables()),
                    GrpcMapping.tenant(request.getTenantId()))),
        m ->
            PublishMessageResponse.newBuilder()
                .setKey(m.key())
                .setTenantId(GrpcMapping.text(m.tenantId()))
                .build());
  }

  @Override
  public void resolveIncident(
      ResolveIncidentRequest request, StreamObserver<ResolveIncidentResponse> observer) {
    reply(
        observer,
        () -> engine.resolveIncident(request.getIncidentKey()),
        v -> ResolveIncidentResponse.getDefaultInstance());
  }

  @Override
  public void setVariables(
      SetVariablesRequest request, StreamObserver<SetVariablesResponse> observer) {
    reply(
        observer,
        () ->
            engine.setVariables(
                request.getElementInstanceKey(),
                GrpcJson.readObject("variables", request.getVariables()),
                request.getLocal()),
        key -> SetVariablesResponse.newBuilder().setKey(key).build());
  }

  @Override
  public void broadcastSignal(
      BroadcastSignalRequest request, StreamObserver<BroadcastSignalResponse> observer) {
    final String tenantId = GrpcMapping.tenant(request.getTenantId());
    reply(
        observer,
        () ->
            engine.broadcastSignal(
                request.getSignalName(),
                GrpcJson.readObject("variables", request.getVariables()),
                tenantId),
        key -> BroadcastSignalResponse.newBuilder().setKey(key).setTenantId(tenantId).build());
  }

  @Override
  public void evaluateDecision(
      EvaluateDecisionRequest request, StreamObserver<EvaluateDecisionResponse> observer) {
    // gateway.proto documents an unknown decision key or id as INVALID_ARGUMENT (REST: 404)
    reply(
        observer,
        () ->
            engine
                .evaluateDecision(GrpcMapping.evaluate(request))
                .exceptionallyCompose(GrpcErrors::notFoundAsInvalidArgument),
        GrpcMapping::evaluated);
  }

  @Override
  public void evaluateConditional(
      EvaluateConditionalRequest request, StreamObserver<EvaluateConditionalResponse> observer) {
    reply(
        observer,
        () ->
            engine.evaluateConditional(
                new EvaluateConditionalCommand(
                    request.hasProcessDefinitionKey() ? request.getProcessDefinitionKey() : -1,
                    GrpcJson.readObject("variables", request.getVariables()),
                    GrpcMapping.tenant(request.getTenantId()))),
        evaluated -> {
          EvaluateConditionalResponse.Builder response =
              EvaluateConditionalResponse.newBuilder()
                  .setConditionalEvaluationKey(evaluated.conditionalEvaluationKey())
                  .setTenantId(GrpcMapping.text(evaluated.tenantId()));
          evaluated
              .processInstances()
              .forEach(
                  started ->
                      response.addProcessInstances(
                          ProcessInstanceReference.newBuilder()
                              .setProcessDefinitionKey(started.processDefinitionKey())
                              .setProcessInstanceKey(started.processInstanceKey())));
          return response.build();
        });
  }

  // --- not (yet) backed by the engine; the default stubs' message would not say whose choice

  @Override
  public void deployProcess(
      DeployProcessRequest request, StreamObserver<DeployProcessResponse> observer) {
    observer.onError(GrpcErrors.unimplemented("DeployProcess (use DeployResource)"));
  }

  @Override
  public void modifyProcessInstance(
      ModifyProcessInstanceRequest request,
      StreamObserver<ModifyProcessInstanceResponse> observer) {
    reply(
        observer,
        () -> {
          if (request.getMoveInstructionsCount() > 0) {
            throw GrpcErrors.unimplemented("ModifyProcessInstance with move instructions");
          }
          List<ModifyProcessInstanceCommand.Activate> activate = new ArrayList<>();
          for (var instruction : request.getActivateInstructionsList()) {
            List<ModifyProcessInstanceCommand.VariableInstruction> variables = new ArrayList<>();
            for (var v : instruction.getVariableInstructionsList()) {
              variables.add(
                  new ModifyProcessInstanceCommand.VariableInstruction(
                      v.getScopeId(), GrpcJson.readObject("variables", v.getVariables())));
            }
            activate.add(
                new ModifyProcessInstanceCommand.Activate(
                    instruction.getElementId(),
                    instruction.getAncestorElementInstanceKey(),
                    variables));
          }
          List<ModifyProcessInstanceCommand.Terminate> terminate = new ArrayList<>();
          for (var instruction : request.getTerminateInstructionsList()) {
            terminate.add(
                new ModifyProcessInstanceCommand.Terminate(
                    instruction.getElementInstanceKey(), instruction.getElementId()));
          }
          return engine.modifyProcessInstance(
              new ModifyProcessInstanceCommand(
                  request.getProcessInstanceKey(), activate, terminate));
        },
        v -> ModifyProcessInstanceResponse.getDefaultInstance());
  }

  @Override
  public void migrateProcessInstance(
      MigrateProcessInstanceRequest request,
      StreamObserver<MigrateProcessInstanceResponse> observer) {
    reply(
        observer,
        () ->
            engine.migrateProcessInstance(
                new MigrateProcessInstanceCommand(
                    request.getProcessInstanceKey(),
                    request.getMigrationPlan().getTargetProcessDefinitionKey(),
                    request.getMigrationPlan().getMappingInstructionsList().stream()
                        .map(
                            m ->
                                new MigrateProcessInstanceCommand.Mapping(
                                    m.getSourceElementId(), m.getTargetElementId()))
                        .toList())),
        v -> MigrateProcessInstanceResponse.getDefaultInstance());
  }

  @Override
  public void deleteResource(
      DeleteResourceRequest request, StreamObserver<DeleteResourceResponse> observer) {
    observer.onError(GrpcErrors.unimplemented("DeleteResource"));
  }

  // --- translation plumbing

  /**
   * Runs one engine call and answers with its mapped result. Request parsing happens inside {@code
   * call}, so bad input and engine rejections take the same path to a status.
   */
  private static <T, R> void reply(
      StreamObserver<R> observer,
      Supplier<CompletableFuture<T>> call,
      Function<? super T, ? extends R> toProto) {
    final CompletableFuture<T> result;
    try {
      result = call.get();
    } catch (RuntimeException e) {
      observer.onError(GrpcErrors.toStatus(e));
      return;
    }
    result.whenComplete(
        (value, failure) -> {
          if (failure != null) {
            observer.onError(GrpcErrors.toStatus(failure));
            return;
          }
          final R response;
          try {
            response = toProto.apply(value);
          } catch (RuntimeException e) {
            observer.onError(GrpcErrors.toStatus(e));
            return;
          }
          observer.onNext(response);
          observer.onCompleted();
        });
  }
}
