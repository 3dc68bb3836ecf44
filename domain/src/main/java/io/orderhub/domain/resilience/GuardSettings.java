package io.orderhub.domain.resilience;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link Guard} treats one dependency.
 *
 * @param timeout how long a caller waits for an answer; a late answer counts as a failure
 * @param maxConcurrentCalls calls in flight at once (a call that timed out holds its permit until
 *     it really ends, so a hanging dependency cannot pile up threads)
 * @param failureRateThreshold percentage of failed calls in the window that opens the breaker
 * @param slidingWindowSize how many recent calls the breaker looks at
 * @param minimumCalls calls needed in the window before the breaker judges
 * @param waitInOpenState how long an open breaker refuses calls before it lets probes through
 * @param callsInHalfOpenState probes that decide whether the breaker closes again
 */
public record GuardSettings(
    Duration timeout,
    int maxConcurrentCalls,
    float failureRateThreshold,
    int slidingWindowSize,
    int minimumCalls,
    Duration waitInOpenState,
    int callsInHalfOpenState) {

  public static final GuardSettings DEFAULTS =
      new GuardSettings(Duration.ofSeconds(2), 32, 50, 20, 10, Duration.ofSeconds(10), 3);

  public GuardSettings {
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(waitInOpenState, "waitInOpenState");
    requirePositive(timeout, "timeout");
    requirePositive(waitInOpenState, "wait-in-open-state");
    requireAtLeastOne(maxConcurrentCalls, "max-concurrent-calls");
    requireAtLeastOne(slidingWindowSize, "sliding-window-size");
    requireAtLeastOne(minimumCalls, "minimum-calls");
    requireAtLeastOne(callsInHalfOpenState, "calls-in-half-open-state");
    if (!(failureRateThreshold > 0 && failureRateThreshold <= 100)) {
      throw new IllegalArgumentException(
          "Expected failure-rate-threshold to be a percentage in (0, 100], but got "
              + failureRateThreshold);
    }
  }

  private static void requirePositive(Duration value, String what) {
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(
          "Expected " + what + " to be a positive duration, but got " + value);
    }
  }

  private static void requireAtLeastOne(int value, String what) {
    if (value < 1) {
      throw new IllegalArgumentException(
          "Expected " + what + " to be at least 1, but got " + value);
    }
  }
}
