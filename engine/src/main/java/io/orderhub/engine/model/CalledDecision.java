package io.orderhub.engine.model;

import io.orderhub.engine.feel.Expression;

/**
 * A business rule task that evaluates a DMN decision ({@code zeebe:calledDecision}) instead of
 * creating a job. The decision id may be static or FEEL; the result is stored in {@code
 * resultVariable}.
 */
public record CalledDecision(
    Expression decisionId, String resultVariable, Binding binding, String versionTag) {

  /** Which version of the decision is evaluated (Zeebe's {@code bindingType}). */
  public enum Binding {
    /** The latest deployed version when the task is activated (the default). */
    LATEST,
    /** The version deployed together with the process version that runs. */
    DEPLOYMENT,
    /** The latest version whose {@code zeebe:versionTag} equals {@link #versionTag()}. */
    VERSION_TAG
  }
}
