package io.orderhub.domain.payment.infrastructure;

import io.orderhub.domain.payment.routing.RoutingSettings;
import io.orderhub.domain.resilience.InjectedFaults;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code orderhub.payment.providers.<name>.*} and {@code orderhub.payment.routing.*}: the simulated
 * providers new payments are routed over, with faults to show (for demos and tests), and how the
 * router weighs them. Without providers the one simulated provider (or the application's own, with
 * {@code orderhub.payment.provider=external}) takes every payment.
 */
@ConfigurationProperties("orderhub.payment")
public record PaymentProvidersProperties(
    Map<String, SimulatedProvider> providers, @DefaultValue Routing routing) {

  public PaymentProvidersProperties {
    providers = providers == null ? Map.of() : providers;
  }

  /**
   * @param latency how much longer each call takes
   * @param failureRate the share of calls that fail (503) before anything happens
   */
  public record SimulatedProvider(
      @DefaultValue("0ms") Duration latency, @DefaultValue("0") double failureRate) {

    InjectedFaults faults() {
      return new InjectedFaults(latency, failureRate);
    }
  }

  /** See {@link RoutingSettings}. */
  public record Routing(
      @DefaultValue("0.05") double probeShare,
      @DefaultValue("0.2") double smoothing,
      @DefaultValue("250ms") Duration latencyTarget) {

    RoutingSettings settings() {
      return new RoutingSettings(probeShare, smoothing, latencyTarget);
    }
  }
}
