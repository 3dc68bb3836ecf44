package io.orderhub.engine.state;

/** A deployed version of a decision; {@code versionTag} is null when the decision has none. */
public record DecisionDefinition(
    long key,
    String decisionId,
    String name,
    int version,
    String versionTag,
    long decisionRequirementsKey,
    String decisionRequirementsId,
    long deploymentKey,
    String tenantId) {}
