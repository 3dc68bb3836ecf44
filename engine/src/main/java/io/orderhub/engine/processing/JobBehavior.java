package io.orderhub.engine.processing;

import io.orderhub.engine.feel.Evaluation;
import io.orderhub.engine.model.ExecutableFlowNode;
import io.orderhub.engine.model.JobDefinition;
import io.orderhub.engine.record.EngineEvent.IncidentResolved;
import io.orderhub.engine.record.EngineEvent.JobCanceled;
import io.orderhub.engine.record.EngineEvent.JobCreated;
import io.orderhub.engine.state.ElementInstance;
import io.orderhub.engine.state.ProcessDefinition;

/** Creates the job of a job-worker task and cancels it when the task is terminated. */
final class JobBehavior {

  private final VariableBehavior variables;
  private final IncidentBehavior incidents;

  JobBehavior(VariableBehavior variables, IncidentBehavior incidents) {
    this.variables = variables;
    this.incidents = incidents;
  }

  /**
   * Returns false when the job's type or retries could not be evaluated (an incident is raised).
   */
  boolean create(ProcessingContext ctx, ElementInstance instance, ExecutableFlowNode node) {
    JobDefinition job = node.job();
    Evaluation type = variables.evaluate(ctx, job.type(), instance.key());
    Evaluation retries = variables.evaluate(ctx, job.retries(), instance.key());
    String failure = type.failed() ? type.failure() : retries.failed() ? retries.failure() : null;
    if (failure == null && !(type.value() instanceof String)) {
      failure = "Expected job type to be a string, but was '%s'".formatted(type.value());
    }
    Integer retryCount = failure == null ? toInt(retries.value()) : null;
    if (failure == null && retryCount == null) {
      failure = "Expected job retries to be a number, but was '%s'".formatted(retries.value());
    }
    if (failure != null) {
      incidents.raise(
          ctx, instance, "EXTRACT_VALUE_ERROR", failure, IncidentBehavior.STEP_ACTIVATE);
      return false;
    }
    ProcessDefinition process = ctx.state().process(instance.processDefinitionKey()).orElseThrow();
    ctx.write(
        new JobCreated(
            ctx.nextKey(),
            instance.key(),
            instance.processInstanceKey(),
            instance.processDefinitionKey(),
            process.bpmnProcessId(),
            process.version(),
            instance.elementId(),
            (String) type.value(),
            retryCount,
            job.headers(),
            instance.tenantId()));
    return true;
  }

  void cancel(ProcessingContext ctx, ElementInstance instance) {
    ctx.state()
        .jobOfElement(instance.key())
        .ifPresent(
            job -> {
              ctx.state()
                  .incidentOfJob(job.key())
                  .ifPresent(incident -> ctx.write(new IncidentResolved(incident.key())));
              ctx.write(new JobCanceled(job.key()));
            });
  }

  private static Integer toInt(Object value) {
    if (value instanceof Number number) {
      return number.intValue();
    }
    if (value instanceof String text) {
      try {
        return Integer.parseInt(text.strip());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }
}
