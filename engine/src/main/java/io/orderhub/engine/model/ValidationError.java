package io.orderhub.engine.model;

/** Why an element cannot be executed: the element id and the reason. */
public record ValidationError(String elementId, String reason) {

  @Override
  public String toString() {
    return "'" + elementId + "': " + reason;
  }
}
