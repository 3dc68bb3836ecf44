package io.orderhub.engine.gateway.rest;

import io.camunda.client.protocol.rest.IncidentResolutionRequest;
import io.orderhub.engine.api.EngineApi;
import java.util.List;

/** {@code POST /v2/incidents/{incidentKey}/resolution}. */
final class IncidentRoutes {

  private IncidentRoutes() {}

  static List<Route> routes(EngineApi engine) {
    return List.of(
        Route.post("/v2/incidents/{incidentKey}/resolution", request -> resolve(engine, request)));
  }

  private static RestResponse resolve(EngineApi engine, RestRequest request) throws Exception {
    long key = request.pathKey("incidentKey");
    request.json(IncidentResolutionRequest.class); // validates; operationReference is not used
    EngineCalls.await(engine.resolveIncident(key), EngineCalls.COMMAND_TIMEOUT);
    return RestResponse.noContent();
  }
}
