package io.orderhub.domain.payment.routing;

import java.time.Duration;

/**
 * A provider's recent record: moving averages of its error rate and latency, updated with every
 * call it served. Starts as a perfect record. Thread-safe.
 */
final class ProviderScore {

  private final double smoothing;
  private final double latencyTargetMillis;
  private double errorRate;
  private double latencyMillis;
  private long samples;

  ProviderScore(RoutingSettings settings) {
    this.smoothing = settings.smoothing();
    this.latencyTargetMillis = settings.latencyTarget().toNanos() / 1e6;
  }

  synchronized void succeeded(Duration latency) {
    record(0, latency);
  }

  synchronized void failed(Duration latency) {
    record(1, latency);
  }

  private void record(double error, Duration latency) {
    double millis = latency.toNanos() / 1e6;
    if (samples++ == 0) {
      errorRate = error;
      latencyMillis = millis;
    } else {
      errorRate += smoothing * (error - errorRate);
      latencyMillis += smoothing * (millis - latencyMillis);
    }
  }

  /** 1 for a fast provider without errors, falling towards 0 with errors and slowness. */
  synchronized double health() {
    double speed = latencyMillis <= latencyTargetMillis ? 1 : latencyTargetMillis / latencyMillis;
    return (1 - errorRate) * speed;
  }

  synchronized double errorRate() {
    return errorRate;
  }

  synchronized double latencyMillis() {
    return latencyMillis;
  }
}
