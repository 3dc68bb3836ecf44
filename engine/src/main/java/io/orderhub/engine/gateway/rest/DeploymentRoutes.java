package io.orderhub.engine.gateway.rest;

import io.camunda.client.protocol.rest.DeploymentDecisionRequirementsResult;
import io.camunda.client.protocol.rest.DeploymentDecisionResult;
import io.camunda.client.protocol.rest.DeploymentMetadataResult;
import io.camunda.client.protocol.rest.DeploymentProcessResult;
import io.orderhub.engine.api.DeployCommand;
import io.orderhub.engine.api.DeploymentResult;
import io.orderhub.engine.api.EngineApi;
import java.util.ArrayList;
import java.util.List;

/** {@code POST /v2/deployments}: multipart {@code resources} files plus an optional tenantId. */
final class DeploymentRoutes {

  private DeploymentRoutes() {}

  static List<Route> routes(EngineApi engine) {
    return List.of(Route.post("/v2/deployments", request -> deploy(engine, request)));
  }

  private static RestResponse deploy(EngineApi engine, RestRequest request) throws Exception {
    List<DeployCommand.Resource> resources = new ArrayList<>();
    String tenantId = null;
    for (MultipartParser.Part part :
        MultipartParser.parse(request.header("Content-Type"), request.body())) {
      switch (part.name()) {
        case "resources" -> {
          if (part.filename() == null || part.filename().isBlank()) {
            throw RestProblem.invalidArgument(
                "Every part 'resources' needs a filename: it names the deployed resource");
          }
          resources.add(new DeployCommand.Resource(part.filename(), part.content()));
        }
        case "tenantId" -> tenantId = part.text().strip();
        default -> {
          // Camunda ignores unknown form fields as well.
        }
      }
    }
    if (resources.isEmpty()) {
      throw RestProblem.missingField("resources");
    }
    DeploymentResult result =
        EngineCalls.await(
            engine.deploy(new DeployCommand(resources, RequestFields.tenant(tenantId))),
            EngineCalls.COMMAND_TIMEOUT);
    return RestResponse.json(toRest(result));
  }

  static io.camunda.client.protocol.rest.DeploymentResult toRest(DeploymentResult result) {
    List<DeploymentMetadataResult> deployments = new ArrayList<>();
    for (DeploymentResult.DeployedProcess process : result.processes()) {
      deployments.add(
          new DeploymentMetadataResult()
              .processDefinition(
                  new DeploymentProcessResult()
                      .processDefinitionId(process.bpmnProcessId())
                      .processDefinitionVersion(process.version())
                      .processDefinitionKey(Long.toString(process.processDefinitionKey()))
                      .resourceName(process.resourceName())
                      .tenantId(process.tenantId())));
    }
    for (DeploymentResult.DeployedDecisionRequirements graph : result.decisionRequirements()) {
      deployments.add(
          new DeploymentMetadataResult()
              .decisionRequirements(
                  new DeploymentDecisionRequirementsResult()
                      .decisionRequirementsId(graph.decisionRequirementsId())
                      .decisionRequirementsName(graph.decisionRequirementsName())
                      .version(graph.version())
                      .decisionRequirementsKey(Long.toString(graph.decisionRequirementsKey()))
                      .resourceName(graph.resourceName())
                      .tenantId(graph.tenantId())));
    }
    for (DeploymentResult.DeployedDecision decision : result.decisions()) {
      deployments.add(
          new DeploymentMetadataResult()
              .decisionDefinition(
                  new DeploymentDecisionResult()
                      .decisionDefinitionId(decision.decisionId())
                      .name(decision.decisionName())
                      .version(decision.version())
                      .decisionDefinitionKey(Long.toString(decision.decisionKey()))
                      .decisionRequirementsId(decision.decisionRequirementsId())
                      .decisionRequirementsKey(Long.toString(decision.decisionRequirementsKey()))
                      .tenantId(decision.tenantId())));
    }
    return new io.camunda.client.protocol.rest.DeploymentResult()
        .deploymentKey(Long.toString(result.key()))
        .tenantId(result.tenantId())
        .deployments(deployments);
  }
}
