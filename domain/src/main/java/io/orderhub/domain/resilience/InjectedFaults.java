package io.orderhub.domain.resilience;

import java.time.Duration;
import java.util.Objects;

/**
 * Faults a simulated dependency (payment provider, carrier) shows on purpose, for tests and demos:
 * every call takes {@code latency} longer (after the call took effect, as when the answer is lost
 * on the way back), and the share {@code failureRate} of calls fails before anything happens (an
 * outage). Which calls fail is decided by a counter, not by chance: 0.5 fails every second call.
 */
public record InjectedFaults(Duration latency, double failureRate) {

  public static final InjectedFaults NONE = new InjectedFaults(Duration.ZERO, 0);

  public InjectedFaults {
    Objects.requireNonNull(latency, "latency");
    if (latency.isNegative()) {
      throw new IllegalArgumentException(
          "Expected a simulated latency of zero or more, but got " + latency);
    }
    if (!(failureRate >= 0 && failureRate <= 1)) {
      throw new IllegalArgumentException(
          "Expected a simulated failure rate between 0 and 1, but got " + failureRate);
    }
  }

  /** Whether call number {@code callNumber} (counting from 1) fails. */
  public boolean failsCall(long callNumber) {
    return Math.floor(callNumber * failureRate) > Math.floor((callNumber - 1) * failureRate);
  }

  /** Waits out the latency; returns early when the caller's time limit interrupts the call. */
  public void delay() {
    if (latency.isZero()) {
      return;
    }
    try {
      Thread.sleep(latency);
    } catch (InterruptedException callerGaveUp) {
      // nobody waits for this answer any more
      Thread.currentThread().interrupt();
    }
  }
}
