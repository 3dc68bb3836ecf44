package io.orderhub.engine.api;

import java.util.Map;

/**
 * Evaluates a deployed decision outside any process: by {@code decisionKey} (a specific version)
 * when it is positive, else by {@code decisionId} (its latest version in the tenant).
 */
public record EvaluateDecisionCommand(
    long decisionKey, String decisionId, Map<String, Object> variables, String tenantId) {}
