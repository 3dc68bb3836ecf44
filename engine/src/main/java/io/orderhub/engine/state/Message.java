package io.orderhub.engine.state;

import java.util.Map;
import java.util.Set;

/**
 * A buffered message. {@code correlatedProcesses} holds the BPMN process ids it has reached: a
 * message correlates at most once per process.
 */
public record Message(
    long key,
    String name,
    String correlationKey,
    long deadline,
    String messageId,
    Map<String, Object> variables,
    String tenantId,
    Set<String> correlatedProcesses) {}
