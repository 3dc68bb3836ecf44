package io.orderhub.engine.model;

import io.orderhub.engine.feel.Expression;

/** A timer event definition: an ISO-8601 duration, date or repeating cycle (static or FEEL). */
public record TimerDefinition(Kind kind, Expression expression) {

  public enum Kind {
    DURATION,
    DATE,
    CYCLE
  }
}
