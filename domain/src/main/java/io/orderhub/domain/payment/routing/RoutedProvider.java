package io.orderhub.domain.payment.routing;

import io.orderhub.domain.payment.application.PaymentProvider;
import io.orderhub.domain.payment.model.PaymentId;
import io.orderhub.domain.resilience.DependencyUnavailable;
import io.orderhub.domain.resilience.Guard;
import io.orderhub.domain.shared.model.Money;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * One provider behind the router: every call goes through its {@link Guard} and its outcome goes
 * into the provider's {@link ProviderScore}. A call the guard refused (breaker open, bulkhead full)
 * says nothing new about the provider and is not scored; a time-out is a failure that took the
 * whole timeout. Contract violations ({@link IllegalArgumentException}, {@link
 * IllegalStateException}) are not scored either.
 */
public final class RoutedProvider implements PaymentProvider {

  private final String name;
  private final PaymentProvider provider;
  private final Guard guard;
  private final ProviderScore score;

  RoutedProvider(String name, PaymentProvider provider, Guard guard, RoutingSettings settings) {
    this.name = Objects.requireNonNull(name, "name");
    this.provider = Objects.requireNonNull(provider, "provider");
    this.guard = Objects.requireNonNull(guard, "guard");
    this.score = new ProviderScore(settings);
  }

  @Override
  public String name() {
    return name;
  }

  public Guard guard() {
    return guard;
  }

  /** The moving average of the provider's error rate, 0..1. */
  public double errorRate() {
    return score.errorRate();
  }

  /** The moving average of the provider's latency. */
  public double latencyMillis() {
    return score.latencyMillis();
  }

  double health() {
    return score.health();
  }

  @Override
  public void charge(PaymentId paymentId, Money amount) {
    scored(
        () -> {
          provider.charge(paymentId, amount);
          return null;
        });
  }

  @Override
  public String refund(PaymentId paymentId, Money amount) {
    return scored(() -> provider.refund(paymentId, amount));
  }

  private <T> T scored(Supplier<T> call) {
    long started = System.nanoTime();
    try {
      T result = guard.call(call);
      score.succeeded(since(started));
      return result;
    } catch (DependencyUnavailable unavailable) {
      if (unavailable.reason() == DependencyUnavailable.Reason.TIMED_OUT) {
        score.failed(since(started));
      }
      throw unavailable;
    } catch (IllegalArgumentException | IllegalStateException contract) {
      throw contract;
    } catch (RuntimeException failure) {
      score.failed(since(started));
      throw failure;
    }
  }

  private static Duration since(long startedNanos) {
    return Duration.ofNanos(System.nanoTime() - startedNanos);
  }
}
