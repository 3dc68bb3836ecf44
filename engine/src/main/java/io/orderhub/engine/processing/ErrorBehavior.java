package io.orderhub.engine.processing;

import io.orderhub.engine.state.ElementInstance;
import io.orderhub.engine.state.Job;

/**
 * Throws BPMN errors (from a job or an error end event). Nothing in a process can catch one yet, so
 * a thrown error becomes an UNHANDLED_ERROR_EVENT incident, as in Zeebe when no catch event
 * matches.
 */
final class ErrorBehavior {

  private final IncidentBehavior incidents;

  ErrorBehavior(IncidentBehavior incidents) {
    this.incidents = incidents;
  }

  void throwFromJob(ProcessingContext ctx, Job job, String errorCode, String errorMessage) {
    incidents.raiseForJob(ctx, job, "UNHANDLED_ERROR_EVENT", unhandled(errorCode, errorMessage));
  }

  void throwFromEndEvent(ProcessingContext ctx, ElementInstance instance, String errorCode) {
    incidents.raise(
        ctx,
        instance,
        "UNHANDLED_ERROR_EVENT",
        unhandled(errorCode, ""),
        IncidentBehavior.STEP_ACTIVATE);
  }

  private static String unhandled(String errorCode, String errorMessage) {
    return ("Expected to throw an error event with the code '%s' with message '%s', but it was not"
            + " caught. No error events are available in the scope.")
        .formatted(errorCode, errorMessage == null ? "" : errorMessage);
  }
}
