package io.orderhub.engine.api;

import java.util.Map;
import java.util.Set;

/**
 * @param variables only for an awaited creation: the instance's variables when it completed
 */
public record ProcessInstanceCreated(
    long processDefinitionKey,
    String bpmnProcessId,
    int version,
    long processInstanceKey,
    String tenantId,
    Set<String> tags,
    String businessId,
    Map<String, Object> variables) {}
