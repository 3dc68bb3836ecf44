package io.orderhub.engine.model;

import io.orderhub.engine.feel.Expression;

/** A FEEL script task ({@code zeebe:script}): its value is stored in the result variable. */
public record ScriptDefinition(Expression expression, String resultVariable) {}
