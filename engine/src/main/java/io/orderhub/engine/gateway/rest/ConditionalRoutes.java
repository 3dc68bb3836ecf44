package io.orderhub.engine.gateway.rest;

import io.camunda.client.protocol.rest.ConditionalEvaluationInstruction;
import io.camunda.client.protocol.rest.EvaluateConditionalResult;
import io.camunda.client.protocol.rest.ProcessInstanceReference;
import io.orderhub.engine.api.ConditionalEvaluated;
import io.orderhub.engine.api.EngineApi;
import io.orderhub.engine.api.EvaluateConditionalCommand;
import java.util.ArrayList;
import java.util.List;

/** {@code POST /v2/conditionals/evaluation}: starts processes by root-level conditional events. */
final class ConditionalRoutes {

  private ConditionalRoutes() {}

  static List<Route> routes(EngineApi engine) {
    return List.of(Route.post("/v2/conditionals/evaluation", request -> evaluate(engine, request)));
  }

  private static RestResponse evaluate(EngineApi engine, RestRequest request) throws Exception {
    ConditionalEvaluationInstruction body = request.json(ConditionalEvaluationInstruction.class);
    RequestFields.require(body.getVariables(), "variables");
    long definitionKey =
        body.getProcessDefinitionKey() == null
            ? -1
            : RequestFields.key(body.getProcessDefinitionKey(), "processDefinitionKey");
    ConditionalEvaluated evaluated =
        EngineCalls.await(
            engine.evaluateConditional(
                new EvaluateConditionalCommand(
                    definitionKey, body.getVariables(), RequestFields.tenant(body.getTenantId()))),
            EngineCalls.COMMAND_TIMEOUT);
    List<ProcessInstanceReference> instances = new ArrayList<>();
    for (ConditionalEvaluated.StartedInstance started : evaluated.processInstances()) {
      instances.add(
          new ProcessInstanceReference()
              .processDefinitionKey(Long.toString(started.processDefinitionKey()))
              .processInstanceKey(Long.toString(started.processInstanceKey())));
    }
    return RestResponse.json(
        new EvaluateConditionalResult()
            .conditionalEvaluationKey(Long.toString(evaluated.conditionalEvaluationKey()))
            .tenantId(evaluated.tenantId())
            .processInstances(instances));
  }
}
