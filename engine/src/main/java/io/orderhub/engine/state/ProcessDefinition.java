package io.orderhub.engine.state;

/** A deployed process version; {@code resource} is the whole BPMN file it came from. */
public record ProcessDefinition(
    long key,
    String bpmnProcessId,
    int version,
    String resourceName,
    byte[] resource,
    String checksum,
    long deploymentKey,
    String tenantId,
    long deployedAt) {}
