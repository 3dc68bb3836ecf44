package io.orderhub.app.intake;

import io.orderhub.app.order.OrderView;
import io.orderhub.domain.order.application.PlaceOrder;
import io.orderhub.domain.shared.model.OrderId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The orders this node acknowledged and has not seen persisted yet, so that a GET right after the
 * 202 answers {@code ACCEPTED} instead of 404 (read-your-writes for the client that placed it). An
 * entry leaves when the consumer persisted the order, or after {@code retention} (the order was
 * persisted by another node's consumer, which cannot tell this one).
 *
 * <p>Thread-safe.
 */
public class AcceptedIntakes {

  private static final int SWEEP_EVERY = 4096;

  private final ConcurrentHashMap<OrderId, Entry> entries = new ConcurrentHashMap<>();
  private final AtomicLong puts = new AtomicLong();
  private final Clock clock;
  private final Duration retention;

  public AcceptedIntakes(Clock clock, Duration retention) {
    this.clock = clock;
    this.retention = retention;
  }

  /** An acknowledged command and when it was accepted. */
  public record Entry(PlaceOrder command, Instant acceptedAt) {

    OrderView view() {
      return OrderView.accepted(command, acceptedAt);
    }
  }

  /** Remembers the command; returns the entry that was there before, if any. */
  public Optional<Entry> remember(PlaceOrder command, Instant acceptedAt) {
    if (puts.incrementAndGet() % SWEEP_EVERY == 0) {
      Instant horizon = clock.instant().minus(retention);
      entries.values().removeIf(e -> e.acceptedAt().isBefore(horizon));
    }
    return Optional.ofNullable(
        entries.putIfAbsent(command.orderId(), new Entry(command, acceptedAt)));
  }

  public Optional<Entry> find(OrderId orderId) {
    return Optional.ofNullable(entries.get(orderId));
  }

  public void forget(OrderId orderId) {
    entries.remove(orderId);
  }

  public void forgetAll(Collection<OrderId> orderIds) {
    orderIds.forEach(entries::remove);
  }

  public int size() {
    return entries.size();
  }
}
