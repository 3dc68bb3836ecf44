package io.orderhub.engine.model;

import io.orderhub.engine.feel.Expression;

/** A message to wait for; the correlation key is null on message start events. */
public record MessageDefinition(Expression name, Expression correlationKey) {}
