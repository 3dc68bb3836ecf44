package io.orderhub.engine.api;

import java.time.Duration;
import java.util.Map;

/**
 * @param timeToLive how long the message is buffered for subscriptions opened later; zero means it
 *     only correlates to subscriptions open now
 * @param messageId optional; a second message with the same id, name and tenant is rejected
 *     (ALREADY_EXISTS) while the first is still buffered
 */
public record PublishMessageCommand(
    String name,
    String correlationKey,
    Duration timeToLive,
    String messageId,
    Map<String, Object> variables,
    String tenantId) {}
