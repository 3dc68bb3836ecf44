package io.orderhub.workers.support;

import io.camunda.client.api.worker.JobHandler;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles {@link StepOvertaken} — a cancellation overtook the step — as the ordinary event it is:
 * one INFO line, no stack trace, and the job handed back without using up a retry. Usually the
 * cancellation has already interrupted the job's element and the engine answers that the job is
 * gone (ignored); if the cancellation is not correlated yet, the job comes back a second later and
 * is overtaken again until it is.
 */
public final class QuietOvertakenSteps {

  private static final Logger LOG = LoggerFactory.getLogger(QuietOvertakenSteps.class);
  private static final Duration BACK_OFF = Duration.ofSeconds(1);

  private QuietOvertakenSteps() {}

  // the starter invokes the worker method reflectively and may wrap what it threw
  private static StepOvertaken overtaken(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof StepOvertaken overtaken) {
        return overtaken;
      }
    }
    return null;
  }

  public static JobHandler wrap(JobHandler handler) {
    return (client, job) -> {
      try {
        handler.handle(client, job);
      } catch (Exception e) {
        StepOvertaken overtaken = overtaken(e);
        if (overtaken == null) {
          throw e;
        }
        LOG.info("Job {} ({}): {}", job.getKey(), job.getType(), overtaken.getMessage());
        client
            .newFailCommand(job.getKey())
            .retries(job.getRetries())
            .retryBackoff(BACK_OFF)
            .errorMessage(overtaken.getMessage())
            .send()
            .whenComplete(
                (ok, gone) -> {
                  if (gone != null) {
                    LOG.debug("Job {} is gone with its element: {}", job.getKey(), gone.toString());
                  }
                });
      }
    };
  }
}
