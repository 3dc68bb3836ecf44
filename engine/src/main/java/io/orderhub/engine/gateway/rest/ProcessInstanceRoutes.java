package io.orderhub.engine.gateway.rest;

import io.camunda.client.protocol.rest.CancelProcessInstanceRequest;
import io.camunda.client.protocol.rest.CreateProcessInstanceResult;
import io.camunda.client.protocol.rest.ProcessInstanceCreationInstruction;
import io.camunda.client.protocol.rest.ProcessInstanceCreationStartInstruction;
import io.orderhub.engine.api.CreateProcessInstanceCommand;
import io.orderhub.engine.api.EngineApi;
import io.orderhub.engine.api.ProcessInstanceCreated;
import io.orderhub.engine.api.RequestTimeouts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code POST /v2/process-instances} (create, optionally awaiting completion) and {@code POST
 * /v2/process-instances/{key}/cancellation}.
 */
final class ProcessInstanceRoutes {

  private ProcessInstanceRoutes() {}

  static List<Route> routes(EngineApi engine) {
    return List.of(
        Route.post("/v2/process-instances", request -> create(engine, request)),
        Route.post(
            "/v2/process-instances/{processInstanceKey}/cancellation",
            request -> cancel(engine, request)));
  }

  private static RestResponse create(EngineApi engine, RestRequest request) throws Exception {
    ProcessInstanceCreationInstruction body =
        request.json(ProcessInstanceCreationInstruction.class);
    CreateProcessInstanceCommand command = toCommand(body);
    Duration limit =
        command.awaitCompletion()
            ? command.requestTimeout().plus(EngineCalls.GRACE)
            : EngineCalls.COMMAND_TIMEOUT;
    ProcessInstanceCreated created =
        EngineCalls.await(engine.createProcessInstance(command), limit);
    return RestResponse.json(toRest(created, command.awaitCompletion()));
  }

  static CreateProcessInstanceCommand toCommand(ProcessInstanceCreationInstruction body) {
    long definitionKey = -1;
    String processId = RequestFields.orEmpty(body.getProcessDefinitionId());
    if (body.getProcessDefinitionKey() != null) {
      definitionKey = RequestFields.key(body.getProcessDefinitionKey(), "processDefinitionKey");
    } else if (processId.isBlank()) {
      throw RestProblem.invalidArgument(
          "No processDefinitionId or processDefinitionKey provided: one of them is required");
    }
    if (!RequestFields.list(body.getRuntimeInstructions()).isEmpty()) {
      throw RestProblem.unimplemented("runtimeInstructions are not supported by Order Hub");
    }
    List<String> startElementIds = new ArrayList<>();
    List<ProcessInstanceCreationStartInstruction> starts =
        RequestFields.list(body.getStartInstructions());
    for (int i = 0; i < starts.size(); i++) {
      startElementIds.add(
          RequestFields.require(
              starts.get(i) == null ? null : starts.get(i).getElementId(),
              "startInstructions[" + i + "].elementId"));
    }
    boolean await = Boolean.TRUE.equals(body.getAwaitCompletion());
    Duration requestTimeout = null;
    if (await) {
      Long millis = body.getRequestTimeout();
      requestTimeout = RequestTimeouts.awaitCompletion(millis == null ? 0 : millis);
    }
    Set<String> tags = body.getTags() == null ? Set.of() : new LinkedHashSet<>(body.getTags());
    return new CreateProcessInstanceCommand(
        definitionKey,
        processId,
        body.getProcessDefinitionVersion() == null ? -1 : body.getProcessDefinitionVersion(),
        RequestFields.variables(body.getVariables()),
        startElementIds,
        RequestFields.tenant(body.getTenantId()),
        body.getBusinessId() == null || body.getBusinessId().isEmpty()
            ? null
            : body.getBusinessId(),
        tags,
        await,
        RequestFields.list(body.getFetchVariables()),
        requestTimeout);
  }

  static CreateProcessInstanceResult toRest(ProcessInstanceCreated created, boolean awaited) {
    CreateProcessInstanceResult result =
        new CreateProcessInstanceResult()
            .processDefinitionId(created.bpmnProcessId())
            .processDefinitionVersion(created.version())
            .processDefinitionKey(Long.toString(created.processDefinitionKey()))
            .processInstanceKey(Long.toString(created.processInstanceKey()))
            .tenantId(created.tenantId())
            .tags(created.tags() == null ? Set.of() : new LinkedHashSet<>(created.tags()))
            .businessId(created.businessId());
    if (awaited) {
      result.variables(
          created.variables() == null
              ? new LinkedHashMap<>()
              : new LinkedHashMap<>(created.variables()));
    }
    return result;
  }

  private static RestResponse cancel(EngineApi engine, RestRequest request) throws Exception {
    long key = request.pathKey("processInstanceKey");
    // operationReference is only echoed in Camunda's records; the engine has no use for it.
    request.json(CancelProcessInstanceRequest.class);
    EngineCalls.await(engine.cancelProcessInstance(key), EngineCalls.COMMAND_TIMEOUT);
    return RestResponse.noContent();
  }
}
