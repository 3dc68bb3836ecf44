package io.orderhub.engine.gateway.grpc;

import io.camunda.zeebe.gateway.protocol.GatewayOuterClass;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ActivateJobsRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.BrokerInfo;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.CreateProcessInstanceRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.CreateProcessInstanceResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.CreateProcessInstanceWithResultResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.DecisionMetadata;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.DecisionRequirementsMetadata;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.DeployResourceResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.Deployment;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.EvaluateDecisionRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.EvaluateDecisionResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.EvaluatedDecision;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.EvaluatedDecisionInput;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.EvaluatedDecisionOutput;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.MatchedDecisionRule;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.Partition;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.Partition.PartitionBrokerHealth;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.Partition.PartitionBrokerRole;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ProcessInstanceCreationStartInstruction;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ProcessMetadata;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.TopologyResponse;
import io.orderhub.engine.api.ActivateJobsCommand;
import io.orderhub.engine.api.ActivatedJob;
import io.orderhub.engine.api.CreateProcessInstanceCommand;
import io.orderhub.engine.api.DecisionEvaluationResult;
import io.orderhub.engine.api.DeployCommand;
import io.orderhub.engine.api.DeploymentResult;
import io.orderhub.engine.api.EvaluateDecisionCommand;
import io.orderhub.engine.api.ProcessInstanceCreated;
import io.orderhub.engine.api.RequestTimeouts;
import io.orderhub.engine.api.Topology;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;

/** Pure proto ⇄ engine record conversions; no I/O, so every RPC handler stays a few lines. */
final class GrpcMapping {

  /** The tenant the Zeebe clients mean when they send none (multi-tenancy disabled). */
  static final String DEFAULT_TENANT = "<default>";

  private GrpcMapping() {}

  static String tenant(String tenantId) {
    return tenantId == null || tenantId.isEmpty() ? DEFAULT_TENANT : tenantId;
  }

  static List<String> tenants(List<String> tenantIds) {
    return tenantIds.isEmpty() ? List.of(DEFAULT_TENANT) : List.copyOf(tenantIds);
  }

  /** Proto strings are never null; the engine's optional strings may be. */
  static String text(String value) {
    return value == null ? "" : value;
  }

  static TopologyResponse topology(Topology topology, int fallbackPort) {
    // the engine may not know an ephemeral port the gateway bound; clients only need a reachable
    // one
    final int port = topology.grpcPort() > 0 ? topology.grpcPort() : fallbackPort;
    final int partitions = Math.max(1, topology.partitionsCount());
    final BrokerInfo.Builder broker =
        BrokerInfo.newBuilder()
            .setNodeId(0)
            .setHost(text(topology.host()))
            .setPort(port)
            .setVersion(text(topology.version()));
    for (int id = 1; id <= partitions; id++) {
      broker.addPartitions(
          Partition.newBuilder()
              .setPartitionId(id)
              .setRole(PartitionBrokerRole.LEADER)
              .setHealth(PartitionBrokerHealth.HEALTHY));
    }
    return TopologyResponse.newBuilder()
        .addBrokers(broker)
        .setClusterSize(1)
        .setPartitionsCount(partitions)
        .setReplicationFactor(1)
        .setGatewayVersion(text(topology.version()))
        .setClusterId(text(topology.clusterId()))
        .build();
  }

  static DeployCommand deploy(GatewayOuterClass.DeployResourceRequest request) {
    final List<DeployCommand.Resource> resources =
        request.getResourcesList().stream()
            .map(r -> new DeployCommand.Resource(r.getName(), r.getContent().toByteArray()))
            .toList();
    return new DeployCommand(resources, tenant(request.getTenantId()));
  }

  static DeployResourceResponse deployed(DeploymentResult result) {
    final DeployResourceResponse.Builder response =
        DeployResourceResponse.newBuilder()
            .setKey(result.key())
            .setTenantId(text(result.tenantId()));
    for (DeploymentResult.DeployedProcess process : result.processes()) {
      response.addDeployments(
          Deployment.newBuilder()
              .setProcess(
                  ProcessMetadata.newBuilder()
                      .setBpmnProcessId(process.bpmnProcessId())
                      .setVersion(process.version())
                      .setProcessDefinitionKey(process.processDefinitionKey())
                      .setResourceName(text(process.resourceName()))
                      .setTenantId(text(process.tenantId()))));
    }
    for (DeploymentResult.DeployedDecisionRequirements graph : result.decisionRequirements()) {
      response.addDeployments(
          Deployment.newBuilder()
              .setDecisionRequirements(
                  DecisionRequirementsMetadata.newBuilder()
                      .setDmnDecisionRequirementsId(graph.decisionRequirementsId())
                      .setDmnDecisionRequirementsName(text(graph.decisionRequirementsName()))
                      .setVersion(graph.version())
                      .setDecisionRequirementsKey(graph.decisionRequirementsKey())
                      .setResourceName(text(graph.resourceName()))
                      .setTenantId(text(graph.tenantId()))));
    }
    for (DeploymentResult.DeployedDecision decision : result.decisions()) {
      response.addDeployments(
          Deployment.newBuilder()
              .setDecision(
                  DecisionMetadata.newBuilder()
                      .setDmnDecisionId(decision.decisionId())
                      .setDmnDecisionName(text(decision.decisionName()))
                      .setVersion(decision.version())
                      .setDecisionKey(decision.decisionKey())
                      .setDmnDecisionRequirementsId(decision.decisionRequirementsId())
                      .setDecisionRequirementsKey(decision.decisionRequirementsKey())
                      .setTenantId(text(decision.tenantId()))));
    }
    return response.build();
  }

  static EvaluateDecisionCommand evaluate(EvaluateDecisionRequest request) {
    return new EvaluateDecisionCommand(
        request.getDecisionKey(),
        request.getDecisionId(),
        GrpcJson.readObject("variables", request.getVariables()),
        tenant(request.getTenantId()));
  }

  static EvaluateDecisionResponse evaluated(DecisionEvaluationResult result) {
    final EvaluateDecisionResponse.Builder response =
        EvaluateDecisionResponse.newBuilder()
            .setDecisionKey(result.decisionKey())
            .setDecisionId(text(result.decisionId()))
            .setDecisionName(text(result.decisionName()))
            .setDecisionVersion(result.decisionVersion())
            .setDecisionRequirementsId(text(result.decisionRequirementsId()))
            .setDecisionRequirementsKey(result.decisionRequirementsKey())
            .setDecisionOutput(GrpcJson.writeValue(result.output()))
            .setFailedDecisionId(text(result.failedDecisionId()))
            .setFailureMessage(text(result.failureMessage()))
            .setTenantId(text(result.tenantId()))
            .setDecisionInstanceKey(result.decisionEvaluationKey())
            .setDecisionEvaluationKey(result.decisionEvaluationKey());
    int index = 0;
    for (DecisionEvaluationResult.EvaluatedDecision decision : result.evaluatedDecisions()) {
      // Zeebe numbers the evaluated decisions of an evaluation: "<evaluation key>-<n>"
      index++;
      final EvaluatedDecision.Builder evaluated =
          EvaluatedDecision.newBuilder()
              .setDecisionKey(decision.decisionKey())
              .setDecisionId(text(decision.decisionId()))
              .setDecisionName(text(decision.decisionName()))
              .setDecisionVersion(decision.decisionVersion())
              .setDecisionType(text(decision.decisionType()))
              .setDecisionOutput(GrpcJson.writeValue(decision.output()))
              .setTenantId(text(decision.tenantId()))
              .setDecisionEvaluationInstanceKey(result.decisionEvaluationKey() + "-" + index);
      for (DecisionEvaluationResult.EvaluatedInput input : decision.evaluatedInputs()) {
        evaluated.addEvaluatedInputs(
            EvaluatedDecisionInput.newBuilder()
                .setInputId(text(input.inputId()))
                .setInputName(text(input.inputName()))
                .setInputValue(GrpcJson.writeValue(input.inputValue())));
      }
      for (DecisionEvaluationResult.MatchedRule rule : decision.matchedRules()) {
        final MatchedDecisionRule.Builder matched =
            MatchedDecisionRule.newBuilder()
                .setRuleId(text(rule.ruleId()))
                .setRuleIndex(rule.ruleIndex());
        for (DecisionEvaluationResult.EvaluatedOutput output : rule.evaluatedOutputs()) {
          matched.addEvaluatedOutputs(
              EvaluatedDecisionOutput.newBuilder()
                  .setOutputId(text(output.outputId()))
                  .setOutputName(text(output.outputName()))
                  .setOutputValue(GrpcJson.writeValue(output.outputValue())));
        }
        evaluated.addMatchedRules(matched);
      }
      response.addEvaluatedDecisions(evaluated);
    }
    return response.build();
  }

  static CreateProcessInstanceCommand create(CreateProcessInstanceRequest request) {
    return create(request, false, List.of(), null);
  }

  static CreateProcessInstanceCommand create(
      CreateProcessInstanceRequest request,
      boolean awaitCompletion,
      List<String> fetchVariables,
      Duration requestTimeout) {
    if (request.getRuntimeInstructionsCount() > 0) {
      // silently ignoring them would let the instance run past where the client wanted it stopped
      throw GrpcErrors.unimplemented("CreateProcessInstance runtime instructions");
    }
    return new CreateProcessInstanceCommand(
        request.getProcessDefinitionKey(),
        request.getBpmnProcessId(),
        request.getVersion(),
        GrpcJson.readObject("variables", request.getVariables()),
        request.getStartInstructionsList().stream()
            .map(ProcessInstanceCreationStartInstruction::getElementId)
            .toList(),
        tenant(request.getTenantId()),
        request.hasBusinessId() ? request.getBusinessId() : null,
        new LinkedHashSet<>(request.getTagsList()),
        awaitCompletion,
        List.copyOf(fetchVariables),
        requestTimeout);
  }

  static GatewayOuterClass.ActivatedJob job(ActivatedJob job) {
    return GatewayOuterClass.ActivatedJob.newBuilder()
        .setKey(job.key())
        .setType(text(job.type()))
        .setProcessInstanceKey(job.processInstanceKey())
        .setBpmnProcessId(text(job.bpmnProcessId()))
        .setProcessDefinitionVersion(job.processDefinitionVersion())
        .setProcessDefinitionKey(job.processDefinitionKey())
        .setElementId(text(job.elementId()))
        .setElementInstanceKey(job.elementInstanceKey())
        .setCustomHeaders(GrpcJson.write(job.customHeaders()))
        .setWorker(text(job.worker()))
        .setRetries(job.retries())
        .setDeadline(job.deadline())
        .setVariables(GrpcJson.write(job.variables()))
        .setTenantId(text(job.tenantId()))
        .addAllTags(job.tags() == null ? List.of() : job.tags())
        .build();
  }

  static ActivateJobsCommand activate(ActivateJobsRequest request) {
    // proto: 0 = gateway default long poll, negative = answer at once
    final Duration longPoll = RequestTimeouts.longPoll(request.getRequestTimeout());
    return new ActivateJobsCommand(
        request.getType(),
        request.getWorker(),
        Duration.ofMillis(request.getTimeout()),
        request.getMaxJobsToActivate(),
        List.copyOf(request.getFetchVariableList()),
        tenants(request.getTenantIdsList()),
        longPoll);
  }

  static CreateProcessInstanceResponse created(ProcessInstanceCreated created) {
    final CreateProcessInstanceResponse.Builder response =
        CreateProcessInstanceResponse.newBuilder()
            .setProcessDefinitionKey(created.processDefinitionKey())
            .setBpmnProcessId(text(created.bpmnProcessId()))
            .setVersion(created.version())
            .setProcessInstanceKey(created.processInstanceKey())
            .setTenantId(text(created.tenantId()));
    if (created.tags() != null) {
      response.addAllTags(created.tags());
    }
    if (created.businessId() != null) {
      response.setBusinessId(created.businessId());
    }
    return response.build();
  }

  static CreateProcessInstanceWithResultResponse completed(ProcessInstanceCreated created) {
    final CreateProcessInstanceWithResultResponse.Builder response =
        CreateProcessInstanceWithResultResponse.newBuilder()
            .setProcessDefinitionKey(created.processDefinitionKey())
            .setBpmnProcessId(text(created.bpmnProcessId()))
            .setVersion(created.version())
            .setProcessInstanceKey(created.processInstanceKey())
            .setVariables(GrpcJson.write(created.variables()))
            .setTenantId(text(created.tenantId()));
    if (created.tags() != null) {
      response.addAllTags(created.tags());
    }
    if (created.businessId() != null) {
      response.setBusinessId(created.businessId());
    }
    return response.build();
  }
}
