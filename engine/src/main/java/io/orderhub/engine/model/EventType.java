package io.orderhub.engine.model;

/** The event definition an event element carries. */
public enum EventType {
  NONE,
  MESSAGE,
  TIMER,
  SIGNAL,
  ERROR,
  TERMINATE,
  ESCALATION,
  COMPENSATION,
  LINK,
  CONDITIONAL
}
