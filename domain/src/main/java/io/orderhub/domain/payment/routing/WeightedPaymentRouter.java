package io.orderhub.domain.payment.routing;

import io.orderhub.domain.payment.application.PaymentProvider;
import io.orderhub.domain.payment.application.PaymentRouting;
import io.orderhub.domain.resilience.Guard;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * Routes new payments over several providers by dynamic weights.
 *
 * <p>A provider's weight is its health — {@code (1 - errorRate) * min(1, latencyTarget / latency)}
 * from the moving averages of the calls it served — shared out among the providers whose circuit
 * breaker lets calls through; each of them gets at least {@link RoutingSettings#probeShare()}, so a
 * provider that has recovered is called again, scores better and wins its traffic back. A provider
 * with an open breaker gets nothing (unless every breaker is open: then all share alike and the
 * calls are refused at once). Thread-safe.
 */
public final class WeightedPaymentRouter implements PaymentRouting, AutoCloseable {

  private final Map<String, RoutedProvider> providers = new LinkedHashMap<>();
  private final RoutedProvider fallback;
  private final RoutingSettings settings;
  private final DoubleSupplier random;

  /**
   * A provider to route to under its name (recorded on the payments it owns) and the guard around
   * its calls.
   */
  public record Candidate(String name, PaymentProvider provider, Guard guard) {}

  /**
   * @param providers the providers in order; the first also owns the payments from before providers
   *     were named
   */
  public WeightedPaymentRouter(List<Candidate> providers, RoutingSettings settings) {
    this(providers, settings, () -> ThreadLocalRandom.current().nextDouble());
  }

  WeightedPaymentRouter(
      List<Candidate> providers, RoutingSettings settings, DoubleSupplier random) {
    if (providers.isEmpty()) {
      throw new IllegalArgumentException("Expected at least one payment provider, but got none");
    }
    this.settings = Objects.requireNonNull(settings, "settings");
    this.random = Objects.requireNonNull(random, "random");
    providers.forEach(
        candidate -> {
          RoutedProvider routed =
              new RoutedProvider(
                  candidate.name(), candidate.provider(), candidate.guard(), settings);
          if (this.providers.putIfAbsent(routed.name(), routed) != null) {
            throw new IllegalArgumentException(
                "Expected payment provider names to be unique, but " + routed.name() + " repeats");
          }
        });
    this.fallback = this.providers.values().iterator().next();
  }

  @Override
  public String choose() {
    Map<String, Double> shares = shares();
    double draw = random.getAsDouble();
    String chosen = null;
    for (Map.Entry<String, Double> share : shares.entrySet()) {
      if (share.getValue() > 0) {
        chosen = share.getKey();
        draw -= share.getValue();
        if (draw < 0) {
          break;
        }
      }
    }
    return chosen;
  }

  @Override
  public PaymentProvider owner(Optional<String> name) {
    if (name.isEmpty()) {
      return fallback;
    }
    RoutedProvider owner = providers.get(name.get());
    if (owner == null) {
      throw new IllegalStateException(
          "Expected payment provider "
              + name.get()
              + " to be configured (it owns payments), but only "
              + providers.keySet()
              + " are");
    }
    return owner;
  }

  /**
   * Each provider's share of new payments right now, in configuration order; the shares add up to
   * 1.
   */
  public Map<String, Double> shares() {
    List<RoutedProvider> open = new ArrayList<>();
    for (RoutedProvider provider : providers.values()) {
      if (provider.guard().permitsCalls()) {
        open.add(provider);
      }
    }
    if (open.isEmpty()) {
      open.addAll(providers.values());
    }
    double[] health = new double[open.size()];
    double total = 0;
    for (int i = 0; i < health.length; i++) {
      health[i] = open.get(i).health();
      total += health[i];
    }
    double floor = Math.min(settings.probeShare(), 1.0 / open.size());
    double rest = 1 - floor * open.size();
    Map<String, Double> shares = new LinkedHashMap<>();
    providers.keySet().forEach(name -> shares.put(name, 0.0));
    for (int i = 0; i < health.length; i++) {
      double part = total > 0 ? health[i] / total : 1.0 / open.size();
      shares.put(open.get(i).name(), floor + rest * part);
    }
    return shares;
  }

  public List<RoutedProvider> providers() {
    return List.copyOf(providers.values());
  }

  @Override
  public void close() {
    providers.values().forEach(provider -> provider.guard().close());
  }
}
