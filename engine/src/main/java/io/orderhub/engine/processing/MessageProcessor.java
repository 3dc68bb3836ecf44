package io.orderhub.engine.processing;

import io.orderhub.engine.api.MessagePublished;
import io.orderhub.engine.api.PublishMessageCommand;
import io.orderhub.engine.record.EngineEvent.MessageExpired;
import io.orderhub.engine.state.Message;

/** Publishes messages: buffers them for their time to live and correlates them. */
final class MessageProcessor {

  private final MessageCorrelator correlator;

  MessageProcessor(MessageCorrelator correlator) {
    this.correlator = correlator;
  }

  MessagePublished publish(ProcessingContext ctx, PublishMessageCommand command) {
    if (command.name() == null || command.name().isBlank()) {
      throw Rejections.invalidArgument("Expected a message name, but none given");
    }
    String messageId = command.messageId();
    if (messageId != null
        && !messageId.isEmpty()
        && ctx.state().messageIdTaken(command.tenantId(), command.name(), messageId)) {
      throw Rejections.alreadyExists(
          "Expected to publish a new message with id '%s', but a message with that id was"
              + " already published",
          messageId);
    }
    long ttl = command.timeToLive() == null ? 0 : command.timeToLive().toMillis();
    if (ttl < 0) {
      throw Rejections.invalidArgument(
          "Expected a message timeToLive of zero or more milliseconds, but got %d", ttl);
    }
    long key = ctx.nextKey();
    ctx.write(
        new io.orderhub.engine.record.EngineEvent.MessagePublished(
            key,
            command.name(),
            command.correlationKey() == null ? "" : command.correlationKey(),
            // a TTL of "forever" (Long.MAX_VALUE) must not wrap into the past
            ttl > Long.MAX_VALUE - ctx.now() ? Long.MAX_VALUE : ctx.now() + ttl,
            messageId,
            command.variables() == null ? java.util.Map.of() : command.variables(),
            command.tenantId()));
    Message message = ctx.state().message(key).orElseThrow();
    correlator.correlatePublished(ctx, message);
    if (ttl == 0) {
      ctx.write(new MessageExpired(key));
    }
    return new MessagePublished(key, command.tenantId());
  }
}
