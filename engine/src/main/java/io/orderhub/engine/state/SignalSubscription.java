package io.orderhub.engine.state;

public record SignalSubscription(
    long key,
    long elementInstanceKey,
    long processInstanceKey,
    String signalName,
    String catchElementId,
    String tenantId) {}
