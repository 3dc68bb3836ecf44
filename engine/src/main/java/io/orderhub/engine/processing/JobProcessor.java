package io.orderhub.engine.processing;

import io.orderhub.engine.record.EngineEvent.JobCompleted;
import io.orderhub.engine.record.EngineEvent.JobErrorThrown;
import io.orderhub.engine.record.EngineEvent.JobFailed;
import io.orderhub.engine.record.EngineEvent.JobRetriesUpdated;
import io.orderhub.engine.record.EngineEvent.JobTimeoutUpdated;
import io.orderhub.engine.record.EngineEvent.JobYielded;
import io.orderhub.engine.state.ElementInstance;
import io.orderhub.engine.state.Job;
import java.util.Map;

/** Commands on jobs from workers: complete, fail, throw an error, change retries or timeout. */
final class JobProcessor {

  private final ElementTransitions transitions;
  private final CatchTrigger trigger;
  private final VariableBehavior variables;
  private final IncidentBehavior incidents;
  private final ThrownEventBehavior errors;

  JobProcessor(
      ElementTransitions transitions,
      CatchTrigger trigger,
      VariableBehavior variables,
      IncidentBehavior incidents,
      ThrownEventBehavior errors) {
    this.transitions = transitions;
    this.trigger = trigger;
    this.variables = variables;
    this.incidents = incidents;
    this.errors = errors;
  }

  void complete(ProcessingContext ctx, long jobKey, Map<String, Object> vars) {
    Job job = find(ctx, jobKey, "complete");
    if (job.status() != Job.Status.ACTIVATED && job.status() != Job.Status.ACTIVATABLE) {
      throw Rejections.invalidState(
          "Expected to complete job with key '%d', but it is in state '%s'", jobKey, job.status());
    }
    ElementInstance instance = ctx.state().requireElementInstance(job.elementInstanceKey());
    ctx.write(new JobCompleted(jobKey));
    trigger.mergeResult(ctx, instance, transitions.node(ctx.state(), instance), vars);
    transitions.complete(ctx, instance);
  }

  void fail(
      ProcessingContext ctx,
      long jobKey,
      int retries,
      String errorMessage,
      long retryBackoffMillis,
      Map<String, Object> vars) {
    Job job = find(ctx, jobKey, "fail");
    if (job.status() != Job.Status.ACTIVATED) {
      throw Rejections.invalidState(
          "Expected to fail activated job with key '%d', but it is in state '%s'",
          jobKey, job.status());
    }
    if (vars != null && !vars.isEmpty()) {
      variables.setLocal(ctx, job.elementInstanceKey(), job.processInstanceKey(), vars);
    }
    long recurAt = retries > 0 && retryBackoffMillis > 0 ? ctx.now() + retryBackoffMillis : 0;
    String message = errorMessage == null ? "" : errorMessage;
    ctx.write(new JobFailed(jobKey, Math.max(0, retries), message, recurAt));
    if (retries <= 0) {
      incidents.raiseForJob(
          ctx,
          ctx.state().job(jobKey).orElseThrow(),
          "JOB_NO_RETRIES",
          message.isEmpty() ? "No more retries left." : message);
    }
  }

  void throwError(
      ProcessingContext ctx,
      long jobKey,
      String errorCode,
      String errorMessage,
      Map<String, Object> vars) {
    Job job = find(ctx, jobKey, "throw an error for");
    if (job.status() != Job.Status.ACTIVATED && job.status() != Job.Status.ACTIVATABLE) {
      throw Rejections.invalidState(
          "Expected to throw an error for job with key '%d', but it is in state '%s'",
          jobKey, job.status());
    }
    if (errorCode == null || errorCode.isBlank()) {
      throw Rejections.invalidArgument("Expected an error code, but none given");
    }
    ctx.write(new JobErrorThrown(jobKey, errorCode, errorMessage));
    errors.throwErrorFromJob(
        ctx,
        ctx.state().job(jobKey).orElseThrow(),
        errorCode,
        errorMessage,
        vars == null ? Map.of() : vars);
  }

  void updateRetries(ProcessingContext ctx, long jobKey, int retries) {
    find(ctx, jobKey, "update retries of");
    if (retries < 1) {
      throw Rejections.invalidArgument(
          "Expected to update retries of job with key '%d' with a positive amount of retries,"
              + " but was %d",
          jobKey, retries);
    }
    ctx.write(new JobRetriesUpdated(jobKey, retries));
  }

  void updateTimeout(ProcessingContext ctx, long jobKey, long timeoutMillis) {
    Job job = find(ctx, jobKey, "update the timeout of");
    if (job.status() != Job.Status.ACTIVATED) {
      throw Rejections.invalidState(
          "Expected to update the timeout of job with key '%d', but it is not active", jobKey);
    }
    ctx.write(new JobTimeoutUpdated(jobKey, ctx.now() + timeoutMillis));
  }

  /** A pushed job its stream could not take goes back to the activatable jobs. */
  void yield(ProcessingContext ctx, long jobKey) {
    ctx.state()
        .job(jobKey)
        .filter(job -> job.status() == Job.Status.ACTIVATED)
        .ifPresent(job -> ctx.write(new JobYielded(jobKey)));
  }

  private static Job find(ProcessingContext ctx, long jobKey, String action) {
    return ctx.state()
        .job(jobKey)
        .orElseThrow(
            () ->
                Rejections.notFound(
                    "Expected to %s job with key '%d', but no such job was found", action, jobKey));
  }
}
