package io.orderhub.app.observability;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.orderhub.domain.payment.routing.RoutedProvider;
import io.orderhub.domain.payment.routing.WeightedPaymentRouter;
import io.orderhub.domain.resilience.Guard;
import io.orderhub.domain.shipment.application.GuardedCarrier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The payment router's weights and the guards' breakers, read when scraped: each provider's share
 * of new payments, its moving error rate and latency, and every breaker's state (0 closed, 1
 * half-open, 2 open) by dependency ({@code payment-<provider>}, {@code carrier}).
 */
@Component
class ResilienceMeters {

  ResilienceMeters(
      MeterRegistry registry,
      ObjectProvider<WeightedPaymentRouter> router,
      ObjectProvider<GuardedCarrier> carrier) {
    router.ifAvailable(
        payments -> {
          for (RoutedProvider provider : payments.providers()) {
            String name = provider.name();
            Gauge.builder(
                    AppMeters.PAYMENT_PROVIDER_SHARE,
                    payments,
                    r -> r.shares().getOrDefault(name, 0.0))
                .description("Share of new payments the router sends to the provider, 0..1")
                .tag("provider", name)
                .register(registry);
            Gauge.builder(
                    AppMeters.PAYMENT_PROVIDER_ERROR_RATE, provider, RoutedProvider::errorRate)
                .description("Moving average of the provider's error rate, 0..1")
                .tag("provider", name)
                .register(registry);
            Gauge.builder(
                    AppMeters.PAYMENT_PROVIDER_LATENCY, provider, RoutedProvider::latencyMillis)
                .description("Moving average of the provider's latency in milliseconds")
                .tag("provider", name)
                .register(registry);
            breaker(registry, provider.guard());
          }
        });
    carrier.ifAvailable(guarded -> breaker(registry, guarded.guard()));
  }

  private static void breaker(MeterRegistry registry, Guard guard) {
    Gauge.builder(AppMeters.CIRCUIT_STATE, guard, g -> state(g.state()))
        .description("Circuit breaker state of a dependency: 0 closed, 1 half-open, 2 open")
        .tag("dependency", guard.name())
        .register(registry);
  }

  private static double state(CircuitBreaker.State state) {
    return switch (state) {
      case CLOSED, DISABLED, METRICS_ONLY -> 0;
      case HALF_OPEN -> 1;
      case OPEN, FORCED_OPEN -> 2;
    };
  }
}
