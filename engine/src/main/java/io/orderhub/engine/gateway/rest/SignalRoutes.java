package io.orderhub.engine.gateway.rest;

import io.camunda.client.protocol.rest.SignalBroadcastRequest;
import io.camunda.client.protocol.rest.SignalBroadcastResult;
import io.orderhub.engine.api.EngineApi;
import java.util.List;

/** {@code POST /v2/signals/broadcast}. */
final class SignalRoutes {

  private SignalRoutes() {}

  static List<Route> routes(EngineApi engine) {
    return List.of(Route.post("/v2/signals/broadcast", request -> broadcast(engine, request)));
  }

  private static RestResponse broadcast(EngineApi engine, RestRequest request) throws Exception {
    SignalBroadcastRequest body = request.json(SignalBroadcastRequest.class);
    String tenantId = RequestFields.tenant(body.getTenantId());
    long signalKey =
        EngineCalls.await(
            engine.broadcastSignal(
                RequestFields.require(body.getSignalName(), "signalName"),
                RequestFields.variables(body.getVariables()),
                tenantId),
            EngineCalls.COMMAND_TIMEOUT);
    return RestResponse.json(
        new SignalBroadcastResult().signalKey(Long.toString(signalKey)).tenantId(tenantId));
  }
}
