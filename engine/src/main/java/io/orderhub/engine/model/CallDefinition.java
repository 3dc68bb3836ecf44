package io.orderhub.engine.model;

import io.orderhub.engine.feel.Expression;

/**
 * What a call activity starts ({@code zeebe:calledElement}).
 *
 * @param binding "latest", "deployment" or "versionTag"
 */
public record CallDefinition(
    Expression processId,
    String binding,
    String versionTag,
    boolean propagateAllChildVariables,
    boolean propagateAllParentVariables) {}
