package io.orderhub.engine.state;

public record MessageSubscription(
    long key,
    long elementInstanceKey,
    long processInstanceKey,
    String bpmnProcessId,
    String messageName,
    String correlationKey,
    String catchElementId,
    String tenantId) {}
