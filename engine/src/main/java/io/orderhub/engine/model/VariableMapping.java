package io.orderhub.engine.model;

import io.orderhub.engine.feel.Expression;

/** One {@code zeebe:input} or {@code zeebe:output}: the source's value goes to the target path. */
public record VariableMapping(Expression source, String target) {}
