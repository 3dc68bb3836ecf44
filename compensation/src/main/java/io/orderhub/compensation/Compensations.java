package io.orderhub.compensation;

import io.camunda.client.exception.CamundaError;
import io.camunda.client.exception.JobError;
import io.orderhub.domain.resilience.DependencyUnavailable;
import io.orderhub.domain.shared.model.OrderId;
import java.time.Duration;
import java.util.Map;

/** What the compensation workers share. */
final class Compensations {

  /** Back-off before a failed compensation is retried (engine time). */
  static final long RETRY_BACKOFF_MILLIS = 5_000;

  private Compensations() {}

  /**
   * A payment provider or carrier that is unavailable fails the compensation with a back-off that
   * gives it time (at least the usual one, as long as an open breaker stays open); one retry is
   * used, so one that stays down ends as an incident.
   */
  static JobError retryLater(DependencyUnavailable unavailable) {
    Duration backoff = Duration.ofMillis(RETRY_BACKOFF_MILLIS);
    if (unavailable.retryAfter().compareTo(backoff) > 0) {
      backoff = unavailable.retryAfter();
    }
    return CamundaError.jobError(unavailable.getMessage(), Map.of(), null, backoff, unavailable);
  }

  static OrderId orderId(String orderId) {
    if (orderId == null || orderId.isBlank()) {
      throw new IllegalArgumentException("Expected the job to carry the variable orderId, but not");
    }
    return OrderId.of(orderId);
  }
}
