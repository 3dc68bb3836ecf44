package io.orderhub.app.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * Every metric the application declares, once: name, type, tags. The Prometheus names are listed in
 * the README's "Metrics" section and queried by {@code dashboards/}. No tag takes a value per order
 * or customer: channels, event types, outcomes, compensation kinds and providers are closed sets.
 *
 * <p>Job worker metrics come from the Camunda client itself ({@code camunda_job_invocations_total}
 * by job type and action, {@code camunda_job_execution_time_seconds}); HTTP, JDBC pool and JVM
 * metrics from Spring Boot.
 */
public final class AppMeters {

  // not "created": Prometheus reserves the _created suffix (counter creation timestamps)
  public static final String ORDERS_PLACED = "orderhub.orders.placed";
  public static final String ORDER_TRANSITIONS = "orderhub.order.transitions";
  public static final String SAGA_DURATION = "orderhub.saga.duration";
  public static final String COMPENSATIONS = "orderhub.compensations";
  public static final String PROVIDER_CALLS = "orderhub.provider.calls";
  public static final String OUTBOX_BACKLOG = "orderhub.outbox.backlog";
  public static final String OUTBOX_OLDEST_AGE = "orderhub.outbox.oldest.age.seconds";
  public static final String PAYMENT_PROVIDER_SHARE = "orderhub.payment.provider.share";
  public static final String PAYMENT_PROVIDER_ERROR_RATE = "orderhub.payment.provider.error.rate";
  public static final String PAYMENT_PROVIDER_LATENCY = "orderhub.payment.provider.latency.ms";
  public static final String CIRCUIT_STATE = "orderhub.circuit.state";

  /** The order API a create came through. */
  public enum Channel {
    REST,
    GRPC,
    KAFKA;

    String tag() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  private static final Duration[] SAGA_BUCKETS = {
    Duration.ofMillis(100),
    Duration.ofMillis(500),
    Duration.ofSeconds(1),
    Duration.ofSeconds(5),
    Duration.ofSeconds(30),
    Duration.ofMinutes(1),
    Duration.ofMinutes(5),
    Duration.ofMinutes(30),
    Duration.ofHours(2),
    Duration.ofHours(24),
    Duration.ofDays(7)
  };

  private static final Duration[] CALL_BUCKETS = {
    Duration.ofMillis(1),
    Duration.ofMillis(5),
    Duration.ofMillis(10),
    Duration.ofMillis(50),
    Duration.ofMillis(100),
    Duration.ofMillis(250),
    Duration.ofMillis(500),
    Duration.ofSeconds(1),
    Duration.ofSeconds(2),
    Duration.ofSeconds(5),
    Duration.ofSeconds(10)
  };

  private AppMeters() {}

  static Counter ordersCreated(MeterRegistry registry, Channel channel) {
    return Counter.builder(ORDERS_PLACED)
        .description("Orders placed (not replays of an idempotency key), by order API channel")
        .tag("channel", channel.tag())
        .register(registry);
  }

  static Counter orderTransitions(MeterRegistry registry, String event) {
    return Counter.builder(ORDER_TRANSITIONS)
        .description("Committed order state transitions, by the domain event recording them")
        .tag("event", event)
        .register(registry);
  }

  static Timer sagaDuration(MeterRegistry registry, String outcome) {
    return Timer.builder(SAGA_DURATION)
        .description(
            "From order creation to its saga's end: completed, cancelled, compensated, rejected")
        .tag("outcome", outcome)
        .serviceLevelObjectives(SAGA_BUCKETS)
        .register(registry);
  }

  static Counter compensations(MeterRegistry registry, String kind) {
    return Counter.builder(COMPENSATIONS)
        .description("Compensation steps completed, by kind (the compensating job type)")
        .tag("kind", kind)
        .register(registry);
  }

  static Timer providerCalls(
      MeterRegistry registry, String provider, String operation, String outcome) {
    return Timer.builder(PROVIDER_CALLS)
        .description("Calls to external providers (payment, carrier), by provider and outcome")
        .tag("provider", provider)
        .tag("operation", operation)
        .tag("outcome", outcome)
        .serviceLevelObjectives(CALL_BUCKETS)
        .register(registry);
  }
}
