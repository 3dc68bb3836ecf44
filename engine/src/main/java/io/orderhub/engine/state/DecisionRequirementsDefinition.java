package io.orderhub.engine.state;

/**
 * A deployed version of a DMN resource's decision requirements graph; {@code resource} is the whole
 * DMN file, which its decisions are evaluated from.
 */
public record DecisionRequirementsDefinition(
    long key,
    String decisionRequirementsId,
    String name,
    int version,
    String resourceName,
    byte[] resource,
    String checksum,
    long deploymentKey,
    String tenantId,
    long deployedAt) {}
