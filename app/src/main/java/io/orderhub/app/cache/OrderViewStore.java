package io.orderhub.app.cache;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.orderhub.app.order.OrderView;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Redis read model of orders, behind a circuit breaker: while Redis is away reads miss and
 * writes are skipped, at no cost per request.
 *
 * <p>A write that failed may leave an older view of that order in Redis. So after any failure the
 * read model is not read for its time to live: by then every entry written before the failure has
 * expired, and the database answers meanwhile.
 */
public class OrderViewStore {

  private static final Logger LOG = LoggerFactory.getLogger(OrderViewStore.class);

  private final OrderViewDocuments documents;
  private final CircuitBreaker breaker;
  private final JsonMapper json;
  private final Duration timeToLive;
  private final Clock clock;
  private final AtomicReference<Instant> untrustedUntil = new AtomicReference<>(Instant.MIN);

  public OrderViewStore(
      OrderViewDocuments documents,
      CircuitBreaker breaker,
      JsonMapper json,
      Duration timeToLive,
      Clock clock) {
    this.documents = documents;
    this.breaker = breaker;
    this.json = json;
    this.timeToLive = timeToLive;
    this.clock = clock;
  }

  public Optional<OrderView> find(String orderId) {
    if (clock.instant().isBefore(untrustedUntil.get()) || !breaker.tryAcquirePermission()) {
      return Optional.empty();
    }
    long started = System.nanoTime();
    try {
      Optional<OrderView> found =
          documents.findById(orderId).map(d -> json.readValue(d.getJson(), OrderView.class));
      breaker.onSuccess(System.nanoTime() - started, TimeUnit.NANOSECONDS);
      return found;
    } catch (RuntimeException e) {
      failed(started, e);
      return Optional.empty();
    }
  }

  /**
   * Writes {@code view} unless Redis holds a newer version. One writer per order at a time in this
   * process (the caller's lock); writers in other processes may still interleave.
   */
  public void write(OrderView view) {
    if (!breaker.tryAcquirePermission()) {
      distrust();
      return;
    }
    long started = System.nanoTime();
    try {
      boolean newer =
          documents.findById(view.id()).map(d -> d.getVersion() < view.version()).orElse(true);
      if (newer) {
        documents.save(
            new OrderViewDocument(
                view.id(), view.version(), json.writeValueAsString(view), timeToLive.toSeconds()));
      }
      breaker.onSuccess(System.nanoTime() - started, TimeUnit.NANOSECONDS);
    } catch (RuntimeException e) {
      failed(started, e);
    }
  }

  private void failed(long started, RuntimeException e) {
    breaker.onError(System.nanoTime() - started, TimeUnit.NANOSECONDS, e);
    distrust();
    LOG.warn(
        "Order read model: Redis failed, reading PostgreSQL for {}: {}", timeToLive, e.toString());
  }

  private void distrust() {
    untrustedUntil.set(clock.instant().plus(timeToLive));
  }
}
