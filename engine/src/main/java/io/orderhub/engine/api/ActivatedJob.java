package io.orderhub.engine.api;

import java.util.Map;
import java.util.Set;

/**
 * @param deadline epoch millis when the activation times out
 */
public record ActivatedJob(
    long key,
    String type,
    long processInstanceKey,
    String bpmnProcessId,
    int processDefinitionVersion,
    long processDefinitionKey,
    String elementId,
    long elementInstanceKey,
    Map<String, String> customHeaders,
    String worker,
    int retries,
    long deadline,
    Map<String, Object> variables,
    String tenantId,
    Set<String> tags) {}
