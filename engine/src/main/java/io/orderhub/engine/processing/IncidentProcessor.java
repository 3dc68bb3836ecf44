package io.orderhub.engine.processing;

import io.orderhub.engine.record.EngineEvent.IncidentResolved;
import io.orderhub.engine.record.EngineEvent.JobRecurred;
import io.orderhub.engine.state.Incident;
import io.orderhub.engine.state.Job;

/**
 * Resolves incidents. A job incident needs the job's retries raised first; the job is then
 * activatable again. An element incident re-runs the step that failed (activation or completion),
 * which raises a new incident if the cause is still there.
 */
final class IncidentProcessor {

  private final ElementTransitions transitions;

  IncidentProcessor(ElementTransitions transitions) {
    this.transitions = transitions;
  }

  void resolve(ProcessingContext ctx, long incidentKey) {
    Incident incident =
        ctx.state()
            .incident(incidentKey)
            .orElseThrow(
                () ->
                    Rejections.notFound(
                        "Expected to resolve incident with key '%d', but no such incident was found",
                        incidentKey));
    switch (incident.failedStep()) {
      case IncidentBehavior.STEP_JOB -> {
        Job job = ctx.state().job(incident.jobKey()).orElseThrow();
        if (job.status() == Job.Status.FAILED && job.retries() <= 0) {
          throw Rejections.invalidState(
              "Expected to resolve incident with key '%d', but job %d has no retries left: update"
                  + " its retries first",
              incidentKey, job.key());
        }
        ctx.write(new IncidentResolved(incidentKey));
        ctx.write(new JobRecurred(job.key()));
      }
      case IncidentBehavior.STEP_ACTIVATE -> {
        ctx.write(new IncidentResolved(incidentKey));
        ctx.followUp(() -> transitions.onActivating(ctx, incident.elementInstanceKey()));
      }
      default -> {
        ctx.write(new IncidentResolved(incidentKey));
        ctx.followUp(() -> transitions.onCompleting(ctx, incident.elementInstanceKey()));
      }
    }
  }
}
