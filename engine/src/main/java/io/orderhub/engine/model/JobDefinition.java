package io.orderhub.engine.model;

import io.orderhub.engine.feel.Expression;
import java.util.Map;

/**
 * How a job-worker task creates its job ({@code zeebe:taskDefinition}, {@code zeebe:taskHeaders}).
 */
public record JobDefinition(Expression type, Expression retries, Map<String, String> headers) {}
