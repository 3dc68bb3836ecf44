package io.orderhub.engine.gateway.rest;

import io.camunda.client.protocol.rest.SetVariableRequest;
import io.orderhub.engine.api.EngineApi;
import java.util.List;

/** {@code PUT /v2/element-instances/{elementInstanceKey}/variables}. */
final class VariableRoutes {

  private VariableRoutes() {}

  static List<Route> routes(EngineApi engine) {
    return List.of(
        Route.put(
            "/v2/element-instances/{elementInstanceKey}/variables",
            request -> setVariables(engine, request)));
  }

  private static RestResponse setVariables(EngineApi engine, RestRequest request) throws Exception {
    long key = request.pathKey("elementInstanceKey");
    SetVariableRequest body = request.json(SetVariableRequest.class);
    // The REST answer carries no key (unlike gRPC's SetVariablesResponse), so it is dropped.
    EngineCalls.await(
        engine.setVariables(
            key,
            RequestFields.require(body.getVariables(), "variables"),
            Boolean.TRUE.equals(body.getLocal())),
        EngineCalls.COMMAND_TIMEOUT);
    return RestResponse.noContent();
  }
}
