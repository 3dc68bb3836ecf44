package io.orderhub.app.cache;

import com.github.benmanes.caffeine.cache.Cache;
import io.orderhub.app.order.OrderReads;
import io.orderhub.app.order.OrderView;
import io.orderhub.domain.shared.model.OrderId;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@link OrderReads} through two caches: Caffeine in the process (entries live {@code
 * orderhub.cache.orders.ttl}, 30 s), then the Redis read model, then the database.
 *
 * <p>Read-your-writes: every committed change of an order is written through ({@link #changed}) on
 * the committing thread, before the change is answered. Entries only ever move to a higher version,
 * so a read that loaded an older state while a change committed cannot put it back. A client that
 * talks to several instances passes the version its change answered with ({@code minVersion}): an
 * older cached view is then passed over for the database's.
 */
public class HotOrders implements OrderReads {

  private final Cache<String, OrderView> local;
  private final Optional<OrderViewStore> redis;
  private final Function<OrderId, OrderView> database;

  public HotOrders(
      Cache<String, OrderView> local,
      Optional<OrderViewStore> redis,
      Function<OrderId, OrderView> database) {
    this.local = local;
    this.redis = redis;
    this.database = database;
  }

  @Override
  public OrderView read(OrderId orderId, Long minVersion) {
    String key = orderId.asString();
    long floor = minVersion == null ? Long.MIN_VALUE : minVersion;
    OrderView cached = local.getIfPresent(key);
    if (cached != null && cached.version() >= floor) {
      return cached;
    }
    OrderView found =
        redis
            .flatMap(store -> store.find(key))
            .filter(view -> view.version() >= floor)
            .orElseGet(() -> database.apply(orderId));
    return local.asMap().merge(key, found, HotOrders::newer);
  }

  /** An order's change committed: its new view replaces any older one, here and in Redis. */
  public void changed(OrderView committed) {
    String key = committed.id();
    OrderView kept = local.asMap().merge(key, committed, HotOrders::newer);
    if (kept == committed) {
      // the same order's writes one after the other, so Redis sees them in version order
      synchronized (stripe(key)) {
        redis.ifPresent(store -> store.write(committed));
      }
    }
  }

  private static final Object[] STRIPES = new Object[64];

  static {
    for (int i = 0; i < STRIPES.length; i++) {
      STRIPES[i] = new Object();
    }
  }

  private static Object stripe(String key) {
    return STRIPES[Math.floorMod(key.hashCode(), STRIPES.length)];
  }

  private static OrderView newer(OrderView present, OrderView candidate) {
    return candidate.version() > present.version() ? candidate : present;
  }
}
