package io.orderhub.engine.processing;

import io.orderhub.engine.record.EngineEvent.IncidentCreated;
import io.orderhub.engine.record.EngineEvent.IncidentResolved;
import io.orderhub.engine.state.ElementInstance;
import io.orderhub.engine.state.Incident;
import io.orderhub.engine.state.Job;

/** Raises incidents where Zeebe raises them, and clears them when their element goes away. */
final class IncidentBehavior {

  static final String STEP_ACTIVATE = "ACTIVATE";
  static final String STEP_COMPLETE = "COMPLETE";
  static final String STEP_JOB = "JOB";

  void raise(
      ProcessingContext ctx,
      ElementInstance instance,
      String errorType,
      String message,
      String step) {
    ctx.write(
        new IncidentCreated(
            ctx.nextKey(),
            errorType,
            message,
            instance.processInstanceKey(),
            instance.key(),
            instance.elementId(),
            -1,
            instance.processDefinitionKey(),
            bpmnProcessId(ctx, instance),
            instance.tenantId(),
            step,
            ctx.now()));
  }

  void raiseForJob(ProcessingContext ctx, Job job, String errorType, String message) {
    ctx.write(
        new IncidentCreated(
            ctx.nextKey(),
            errorType,
            message,
            job.processInstanceKey(),
            job.elementInstanceKey(),
            job.elementId(),
            job.key(),
            job.processDefinitionKey(),
            job.bpmnProcessId(),
            job.tenantId(),
            STEP_JOB,
            ctx.now()));
  }

  void resolveAllOf(ProcessingContext ctx, long elementInstanceKey) {
    for (Incident incident : ctx.state().incidentsOfElement(elementInstanceKey)) {
      ctx.write(new IncidentResolved(incident.key()));
    }
  }

  private static String bpmnProcessId(ProcessingContext ctx, ElementInstance instance) {
    return ctx.state()
        .process(instance.processDefinitionKey())
        .map(p -> p.bpmnProcessId())
        .orElse("");
  }
}
