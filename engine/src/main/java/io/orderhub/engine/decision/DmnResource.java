package io.orderhub.engine.decision;

import java.util.List;

/**
 * What a deployable DMN resource holds: its decision requirements graph (the {@code definitions}
 * element) and the decisions in it, in document order. {@code failure} is set instead when the
 * resource cannot be deployed.
 */
public record DmnResource(
    String decisionRequirementsId,
    String decisionRequirementsName,
    List<DecisionInfo> decisions,
    String failure) {

  /** A decision of the graph; {@code versionTag} is its {@code zeebe:versionTag}, or null. */
  public record DecisionInfo(String decisionId, String decisionName, String versionTag) {}

  static DmnResource failed(String failure) {
    return new DmnResource(null, null, List.of(), failure);
  }

  public boolean failed() {
    return failure != null;
  }
}
