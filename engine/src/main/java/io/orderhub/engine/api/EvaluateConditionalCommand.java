package io.orderhub.engine.api;

import java.util.Map;

/**
 * Evaluates root-level conditional start events with the given variables: of one process definition
 * when {@code processDefinitionKey} is positive, else of the latest version of every process of the
 * tenant. Each start event whose condition holds starts an instance with the variables.
 */
public record EvaluateConditionalCommand(
    long processDefinitionKey, Map<String, Object> variables, String tenantId) {}
