package io.orderhub.engine.gateway.rest;

import io.camunda.client.protocol.rest.MigrateProcessInstanceMappingInstruction;
import io.camunda.client.protocol.rest.ModifyProcessInstanceVariableInstruction;
import io.camunda.client.protocol.rest.ProcessInstanceMigrationInstruction;
import io.camunda.client.protocol.rest.ProcessInstanceModificationActivateInstruction;
import io.camunda.client.protocol.rest.ProcessInstanceModificationInstruction;
import io.camunda.client.protocol.rest.ProcessInstanceModificationTerminateInstruction;
import io.orderhub.engine.api.EngineApi;
import io.orderhub.engine.api.MigrateProcessInstanceCommand;
import io.orderhub.engine.api.ModifyProcessInstanceCommand;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /v2/process-instances/{key}/modification} and {@code
 * /v2/process-instances/{key}/migration}.
 */
final class ProcessInstanceChangeRoutes {

  private ProcessInstanceChangeRoutes() {}

  static List<Route> routes(EngineApi engine) {
    return List.of(
        Route.post(
            "/v2/process-instances/{processInstanceKey}/modification",
            request -> modify(engine, request)),
        Route.post(
            "/v2/process-instances/{processInstanceKey}/migration",
            request -> migrate(engine, request)));
  }

  private static RestResponse modify(EngineApi engine, RestRequest request) throws Exception {
    long key = request.pathKey("processInstanceKey");
    ProcessInstanceModificationInstruction body =
        request.json(ProcessInstanceModificationInstruction.class);
    if (!RequestFields.list(body.getMoveInstructions()).isEmpty()) {
      throw RestProblem.unimplemented("moveInstructions are not supported by Order Hub");
    }
    List<ModifyProcessInstanceCommand.Activate> activate = new ArrayList<>();
    List<ProcessInstanceModificationActivateInstruction> activations =
        RequestFields.list(body.getActivateInstructions());
    for (int i = 0; i < activations.size(); i++) {
      ProcessInstanceModificationActivateInstruction instruction = activations.get(i);
      List<ModifyProcessInstanceCommand.VariableInstruction> variables = new ArrayList<>();
      for (ModifyProcessInstanceVariableInstruction v :
          RequestFields.list(instruction.getVariableInstructions())) {
        variables.add(
            new ModifyProcessInstanceCommand.VariableInstruction(
                RequestFields.orEmpty(v.getScopeId()),
                v.getVariables() == null ? Map.of() : v.getVariables()));
      }
      String ancestor = instruction.getAncestorElementInstanceKey();
      activate.add(
          new ModifyProcessInstanceCommand.Activate(
              RequestFields.require(
                  instruction.getElementId(), "activateInstructions[" + i + "].elementId"),
              // the client sends "-1" for "no ancestor": the one sentinel a key field takes
              ancestor == null || ancestor.isBlank() || ancestor.equals("-1")
                  ? -1
                  : RequestFields.key(ancestor, "ancestorElementInstanceKey"),
              variables));
    }
    List<ModifyProcessInstanceCommand.Terminate> terminate = new ArrayList<>();
    for (ProcessInstanceModificationTerminateInstruction instruction :
        RequestFields.list(body.getTerminateInstructions())) {
      String instanceKey = instruction.getElementInstanceKey();
      terminate.add(
          new ModifyProcessInstanceCommand.Terminate(
              instanceKey == null ? 0 : RequestFields.key(instanceKey, "elementInstanceKey"),
              instruction.getElementId()));
    }
    EngineCalls.await(
        engine.modifyProcessInstance(new ModifyProcessInstanceCommand(key, activate, terminate)),
        EngineCalls.COMMAND_TIMEOUT);
    return RestResponse.noContent();
  }

  private static RestResponse migrate(EngineApi engine, RestRequest request) throws Exception {
    long key = request.pathKey("processInstanceKey");
    ProcessInstanceMigrationInstruction body =
        request.json(ProcessInstanceMigrationInstruction.class);
    long target =
        RequestFields.key(
            RequestFields.require(
                body.getTargetProcessDefinitionKey(), "targetProcessDefinitionKey"),
            "targetProcessDefinitionKey");
    List<MigrateProcessInstanceCommand.Mapping> mappings = new ArrayList<>();
    for (MigrateProcessInstanceMappingInstruction m :
        RequestFields.list(body.getMappingInstructions())) {
      mappings.add(
          new MigrateProcessInstanceCommand.Mapping(
              m.getSourceElementId(), m.getTargetElementId()));
    }
    EngineCalls.await(
        engine.migrateProcessInstance(new MigrateProcessInstanceCommand(key, target, mappings)),
        EngineCalls.COMMAND_TIMEOUT);
    return RestResponse.noContent();
  }
}
