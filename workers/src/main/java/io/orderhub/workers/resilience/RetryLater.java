package io.orderhub.workers.resilience;

import io.camunda.client.exception.CamundaError;
import io.camunda.client.exception.JobError;
import io.orderhub.domain.resilience.DependencyUnavailable;
import java.time.Duration;
import java.util.Map;

/**
 * Turns a dependency that is unavailable (breaker open, bulkhead full, no answer in time) into a
 * job failure whose back-off gives it time: at least the worker's usual back-off, as long as an
 * open breaker stays open. One retry is used, like any technical failure, so a dependency that
 * stays down ends as an incident an operator sees — never as a job that hangs or spins.
 */
public final class RetryLater {

  private RetryLater() {}

  public static JobError after(DependencyUnavailable unavailable, long backoffMillis) {
    Duration backoff = Duration.ofMillis(backoffMillis);
    if (unavailable.retryAfter().compareTo(backoff) > 0) {
      backoff = unavailable.retryAfter();
    }
    return CamundaError.jobError(unavailable.getMessage(), Map.of(), null, backoff, unavailable);
  }
}
