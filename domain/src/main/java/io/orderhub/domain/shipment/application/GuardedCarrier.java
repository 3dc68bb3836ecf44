package io.orderhub.domain.shipment.application;

import io.orderhub.domain.resilience.Guard;
import java.util.Objects;

/**
 * The carrier behind a {@link Guard} ({@code orderhub.resilience.carrier.*}): a hanging or failing
 * carrier makes a dispatch fail fast with {@link
 * io.orderhub.domain.resilience.DependencyUnavailable} instead of holding a worker. Not a {@link
 * Carrier} bean itself, so that the carrier it guards stays the only one; {@link #asCarrier()} is
 * what the shipment service calls.
 */
public class GuardedCarrier implements AutoCloseable {

  private final Carrier carrier;
  private final Guard guard;

  public GuardedCarrier(Carrier carrier, Guard guard) {
    this.carrier = Objects.requireNonNull(carrier, "carrier");
    this.guard = Objects.requireNonNull(guard, "guard");
  }

  public Carrier asCarrier() {
    return handover -> guard.run(() -> carrier.handOver(handover));
  }

  public Guard guard() {
    return guard;
  }

  @Override
  public void close() {
    guard.close();
  }
}
