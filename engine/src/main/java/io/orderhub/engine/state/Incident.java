package io.orderhub.engine.state;

/** An open incident; see {@code IncidentCreated} for {@code failedStep}. */
public record Incident(
    long key,
    String errorType,
    String errorMessage,
    long processInstanceKey,
    long elementInstanceKey,
    String elementId,
    long jobKey,
    long processDefinitionKey,
    String bpmnProcessId,
    String tenantId,
    String failedStep,
    long createdAt) {}
