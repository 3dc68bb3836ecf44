package io.orderhub.engine.api;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Starts a process by definition key (when positive) or by BPMN process id and version (-1 for the
 * latest).
 *
 * @param startElementIds start instructions; empty starts at the none start event
 * @param businessId optional; a second active root instance of the same process with the same
 *     business id is rejected with ALREADY_EXISTS
 * @param awaitCompletion complete the future only when the instance completes
 * @param fetchVariables with awaitCompletion: the variables to return, empty for all
 * @param requestTimeout with awaitCompletion: give up waiting after this long (null: no limit)
 */
public record CreateProcessInstanceCommand(
    long processDefinitionKey,
    String bpmnProcessId,
    int version,
    Map<String, Object> variables,
    List<String> startElementIds,
    String tenantId,
    String businessId,
    Set<String> tags,
    boolean awaitCompletion,
    List<String> fetchVariables,
    Duration requestTimeout) {}
