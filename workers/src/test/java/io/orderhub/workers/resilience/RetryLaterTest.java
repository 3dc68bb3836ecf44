package io.orderhub.workers.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.exception.JobError;
import io.orderhub.domain.resilience.DependencyUnavailable;
import io.orderhub.domain.resilience.DependencyUnavailable.Reason;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryLaterTest {

  @Test
  void shouldWaitAsLongAsTheBreakerStaysOpen() {
    JobError error =
        RetryLater.after(unavailable(Reason.CIRCUIT_OPEN, Duration.ofSeconds(30)), 5_000);

    assertThat(error.getRetryBackoff().apply(2)).isEqualTo(Duration.ofSeconds(30));
    assertThat(error.getErrorMessage()).isEqualTo("payment-sim-a is unavailable");
    assertThat(error.getRetries()).as("one retry used, as for any technical failure").isNull();
    assertThat(error.getCause()).isInstanceOf(DependencyUnavailable.class);
  }

  @Test
  void shouldWaitAtLeastTheUsualBackoff() {
    JobError error = RetryLater.after(unavailable(Reason.TIMED_OUT, Duration.ofSeconds(1)), 5_000);

    assertThat(error.getRetryBackoff().apply(2)).isEqualTo(Duration.ofSeconds(5));
  }

  private static DependencyUnavailable unavailable(Reason reason, Duration retryAfter) {
    return new DependencyUnavailable(
        "payment-sim-a", reason, retryAfter, "payment-sim-a is unavailable", null);
  }
}
