package io.orderhub.domain.payment.routing;

import java.time.Duration;
import java.util.Objects;

/**
 * How the router weighs providers.
 *
 * @param probeShare the share of new payments every provider with a closed or half-open breaker
 *     gets however bad its record, so its record can improve again
 * @param smoothing the weight of the latest call in the moving averages (0..1]; higher reacts
 *     faster and forgets sooner
 * @param latencyTarget latency up to which a provider counts as fast; slower ones lose weight in
 *     proportion (twice the target: half the weight)
 */
public record RoutingSettings(double probeShare, double smoothing, Duration latencyTarget) {

  public static final RoutingSettings DEFAULTS =
      new RoutingSettings(0.05, 0.2, Duration.ofMillis(250));

  public RoutingSettings {
    Objects.requireNonNull(latencyTarget, "latencyTarget");
    if (!(probeShare >= 0 && probeShare < 1)) {
      throw new IllegalArgumentException(
          "Expected probe-share to be in [0, 1), but got " + probeShare);
    }
    if (!(smoothing > 0 && smoothing <= 1)) {
      throw new IllegalArgumentException(
          "Expected smoothing to be in (0, 1], but got " + smoothing);
    }
    if (latencyTarget.isNegative() || latencyTarget.isZero()) {
      throw new IllegalArgumentException(
          "Expected latency-target to be positive, but got " + latencyTarget);
    }
  }
}
