package io.orderhub.domain.resilience;

import java.time.Duration;

/**
 * A guarded call did not happen (breaker open, bulkhead full) or did not answer in time. A
 * technical failure: the caller should try again after {@link #retryAfter()}. Whether a timed-out
 * call took effect is unknown, so only idempotent calls may be repeated.
 */
public class DependencyUnavailable extends RuntimeException {

  /** Why the call did not give an answer. */
  public enum Reason {
    /** The circuit breaker is open: the call was not made. */
    CIRCUIT_OPEN,
    /** Too many calls in flight: the call was not made. */
    BULKHEAD_FULL,
    /** The call was made but gave no answer in time; it may have taken effect. */
    TIMED_OUT
  }

  private final String dependency;
  private final Reason reason;
  private final Duration retryAfter;

  public DependencyUnavailable(
      String dependency, Reason reason, Duration retryAfter, String message, Throwable cause) {
    super(message, cause);
    this.dependency = dependency;
    this.reason = reason;
    this.retryAfter = retryAfter;
  }

  public String dependency() {
    return dependency;
  }

  public Reason reason() {
    return reason;
  }

  /** A sensible wait before the next attempt: the breaker's open time, or a short pause. */
  public Duration retryAfter() {
    return retryAfter;
  }
}
