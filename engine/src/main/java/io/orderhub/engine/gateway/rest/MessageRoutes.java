package io.orderhub.engine.gateway.rest;

import io.camunda.client.protocol.rest.MessagePublicationRequest;
import io.camunda.client.protocol.rest.MessagePublicationResult;
import io.orderhub.engine.api.EngineApi;
import io.orderhub.engine.api.MessagePublished;
import io.orderhub.engine.api.PublishMessageCommand;
import java.time.Duration;
import java.util.List;

/** {@code POST /v2/messages/publication}. */
final class MessageRoutes {

  private MessageRoutes() {}

  static List<Route> routes(EngineApi engine) {
    return List.of(Route.post("/v2/messages/publication", request -> publish(engine, request)));
  }

  private static RestResponse publish(EngineApi engine, RestRequest request) throws Exception {
    MessagePublicationRequest body = request.json(MessagePublicationRequest.class);
    PublishMessageCommand command =
        new PublishMessageCommand(
            RequestFields.require(body.getName(), "name"),
            // "withoutCorrelationKey()" sends "", which is a key like any other for the engine
            RequestFields.orEmpty(body.getCorrelationKey()),
            RequestFields.millis(body.getTimeToLive(), Duration.ZERO),
            // an empty id means "no id" (no deduplication), as in Zeebe
            body.getMessageId() == null || body.getMessageId().isEmpty()
                ? null
                : body.getMessageId(),
            RequestFields.variables(body.getVariables()),
            RequestFields.tenant(body.getTenantId()));
    MessagePublished published =
        EngineCalls.await(engine.publishMessage(command), EngineCalls.COMMAND_TIMEOUT);
    return RestResponse.json(
        new MessagePublicationResult()
            .messageKey(Long.toString(published.key()))
            .tenantId(published.tenantId()));
  }
}
