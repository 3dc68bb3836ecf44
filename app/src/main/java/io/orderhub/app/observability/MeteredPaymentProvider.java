package io.orderhub.app.observability;

import io.micrometer.core.instrument.MeterRegistry;
import io.orderhub.domain.payment.application.PaymentProvider;
import io.orderhub.domain.payment.model.PaymentId;
import io.orderhub.domain.shared.model.Money;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Meters every call to the payment provider (charge, refund): latency and errors, tagged with the
 * provider's name ("simulated" for SimulatedPaymentProvider, "sim-a" for its channel of that name).
 * A decorator: the provider knows nothing of metrics.
 */
public final class MeteredPaymentProvider implements PaymentProvider {

  private final PaymentProvider provider;
  private final MeterRegistry registry;
  private final String name;

  public MeteredPaymentProvider(PaymentProvider provider, MeterRegistry registry) {
    this.provider = provider;
    this.registry = registry;
    this.name = provider.name().toLowerCase(Locale.ROOT);
  }

  @Override
  public String name() {
    return provider.name();
  }

  @Override
  public void charge(PaymentId paymentId, Money amount) {
    metered(
        "charge",
        () -> {
          provider.charge(paymentId, amount);
          return null;
        });
  }

  @Override
  public String refund(PaymentId paymentId, Money amount) {
    return metered("refund", () -> provider.refund(paymentId, amount));
  }

  private <T> T metered(String operation, Supplier<T> call) {
    long started = System.nanoTime();
    String outcome = "error";
    try {
      T result = call.get();
      outcome = "success";
      return result;
    } finally {
      AppMeters.providerCalls(registry, name, operation, outcome)
          .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
    }
  }
}
