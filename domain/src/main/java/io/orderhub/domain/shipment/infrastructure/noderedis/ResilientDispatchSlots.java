package io.orderhub.domain.shipment.infrastructure.noderedis;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.orderhub.domain.shared.model.OrderId;
import io.orderhub.domain.shared.model.WarehouseId;
import io.orderhub.domain.shipment.application.DispatchSlots;
import io.orderhub.domain.shipment.application.DispatchSlotsContended;
import io.orderhub.domain.shipment.infrastructure.DatabaseDispatchSlots;
import io.orderhub.domain.shipment.infrastructure.DatabaseDispatchSlots.Booking;
import io.orderhub.domain.shipment.infrastructure.DatabaseDispatchSlots.Node;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Dispatch slots booked in Redis (one Lua call, no database row contended by every routing) and
 * recorded in PostgreSQL; booked in PostgreSQL alone while Redis is unreachable, behind a circuit
 * breaker so that an absent Redis costs no time per routing.
 *
 * <p>Why no slot is ever booked twice, whichever allocator books:
 *
 * <ul>
 *   <li>Redis books only while it is <em>in sync</em>: since the last failure, a {@link
 *       #reconcile()} rebuilt every node's keys from the database rows. Any failure (or a script
 *       finding a node unseeded: Redis restarted empty) takes it out of sync, for every node.
 *   <li>A database booking marks its node {@code redis_stale}; a Redis booking of a stale node is
 *       refused, and {@link #reconcile()} rebuilds stale nodes — so other instances' database
 *       bookings reach Redis before Redis books for that node again.
 *   <li>The row locks of {@link DatabaseDispatchSlots}: a database booking and a rebuild wait for
 *       the Redis bookings in flight to commit before they count.
 * </ul>
 *
 * A booking that meets a failure books nothing and throws {@link DispatchSlotsContended}: the
 * routing's transaction is rolled back and runs again (then in the database). A slot Redis booked
 * for a transaction that then rolled back stays taken in Redis until the next rebuild — capacity
 * under-used for a while, never exceeded.
 */
public class ResilientDispatchSlots implements DispatchSlots {

  private static final Logger LOG = LoggerFactory.getLogger(ResilientDispatchSlots.class);

  private final DatabaseDispatchSlots database;
  private final RedisDispatchSlots redis;
  private final CircuitBreaker breaker;
  private final TransactionTemplate transactions;
  private final Clock clock;
  private final AtomicLong failures = new AtomicLong();
  // the value of failures when the last complete rebuild began; in sync while they are equal
  private final AtomicLong syncedAt = new AtomicLong(-1);

  public ResilientDispatchSlots(
      DatabaseDispatchSlots database,
      RedisDispatchSlots redis,
      CircuitBreaker breaker,
      PlatformTransactionManager transactionManager,
      Clock clock) {
    this.database = database;
    this.redis = redis;
    this.breaker = breaker;
    this.transactions = new TransactionTemplate(transactionManager);
    this.clock = clock;
  }

  /** Whether bookings go to Redis now (else to the database). */
  public boolean redisInService() {
    return syncedAt.get() == failures.get()
        && breaker.getState() != CircuitBreaker.State.OPEN
        && breaker.getState() != CircuitBreaker.State.FORCED_OPEN;
  }

  @Override
  public Optional<LocalDate> book(OrderId order, WarehouseId warehouse, LocalDate from) {
    Optional<LocalDate> booked = database.bookedDay(order, warehouse);
    if (booked.isPresent()) {
      return booked;
    }
    // a new node is stale until a rebuild seeded it: the database books its first slots
    boolean stale = database.node(warehouse).map(Node::redisStale).orElse(true);
    if (stale || syncedAt.get() != failures.get() || !breaker.tryAcquirePermission()) {
      return database.book(order, warehouse, from);
    }
    long started = System.nanoTime();
    Node node;
    try {
      node = database.lockForRedisBooking(warehouse);
    } catch (RuntimeException e) {
      breaker.releasePermission();
      throw e;
    }
    if (node.redisStale()) {
      breaker.releasePermission();
      throw new DispatchSlotsContended(
          "Expected node " + warehouse + " to be in Redis, but a database booking came first",
          null);
    }
    RedisDispatchSlots.Outcome outcome;
    try {
      outcome = redis.book(order, warehouse, from, database.capacity().horizonDays());
    } catch (DataAccessException e) {
      breaker.onError(System.nanoTime() - started, TimeUnit.NANOSECONDS, e);
      outOfSync("a booking failed", e);
      throw new DispatchSlotsContended(
          "Expected Redis to book a slot at "
              + warehouse
              + " for order "
              + order
              + ", but it failed",
          e);
    }
    breaker.onSuccess(System.nanoTime() - started, TimeUnit.NANOSECONDS);
    return switch (outcome) {
      case RedisDispatchSlots.Outcome.Booked(LocalDate day) -> recorded(order, warehouse, day);
      case RedisDispatchSlots.Outcome.BookedBefore(LocalDate day) ->
          recorded(order, warehouse, day);
      case RedisDispatchSlots.Outcome.Full() -> Optional.empty();
      case RedisDispatchSlots.Outcome.NotSeeded() -> {
        outOfSync("node " + warehouse + " was not seeded (Redis restarted empty?)", null);
        throw new DispatchSlotsContended(
            "Expected Redis to hold node " + warehouse + ", but it did not", null);
      }
    };
  }

  private Optional<LocalDate> recorded(OrderId order, WarehouseId warehouse, LocalDate day) {
    database.record(order, warehouse, day);
    return Optional.of(day);
  }

  @Override
  public void release(OrderId order) {
    List<Booking> released = database.releaseAll(order);
    if (released.isEmpty()) {
      return;
    }
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void afterCommit() {
            releaseInRedis(released);
          }
        });
  }

  // after the commit: Redis never gives back a slot the database still holds
  private void releaseInRedis(List<Booking> released) {
    if (syncedAt.get() != failures.get() || !breaker.tryAcquirePermission()) {
      return; // out of sync: the next rebuild copies the database, without these bookings
    }
    long started = System.nanoTime();
    try {
      redis.release(released);
      breaker.onSuccess(System.nanoTime() - started, TimeUnit.NANOSECONDS);
    } catch (RuntimeException e) {
      breaker.onError(System.nanoTime() - started, TimeUnit.NANOSECONDS, e);
      outOfSync("a release failed", e);
    }
  }

  private void outOfSync(String why, Exception cause) {
    failures.incrementAndGet();
    // one line, not a stack per routing: a Redis outage fails every routing in flight at once
    LOG.warn(
        "Dispatch slots: booking in PostgreSQL until Redis is rebuilt: {}{}",
        why,
        cause == null ? "" : " (" + cause + ")");
  }

  /**
   * Brings Redis back into service: rebuilds every node from the database when it is out of sync,
   * else only the nodes that database bookings made stale. Through the circuit breaker: while it is
   * open this does nothing. Called periodically; safe to call concurrently with bookings.
   *
   * @return whether Redis is in service afterwards
   */
  public synchronized boolean reconcile() {
    long failuresBefore = failures.get();
    boolean everything = syncedAt.get() != failuresBefore;
    if (!breaker.tryAcquirePermission()) {
      return false;
    }
    long started = System.nanoTime();
    try {
      for (Node node : database.nodes()) {
        if (everything || node.redisStale()) {
          rebuild(node.warehouse());
        }
      }
      breaker.onSuccess(System.nanoTime() - started, TimeUnit.NANOSECONDS);
    } catch (RuntimeException e) {
      breaker.onError(System.nanoTime() - started, TimeUnit.NANOSECONDS, e);
      if (!everything) {
        outOfSync("a rebuild failed", e);
      }
      if (e instanceof DataAccessException) {
        return false;
      }
      throw e;
    }
    if (everything) {
      // a failure during the rebuild raised failures past failuresBefore: still out of sync then
      syncedAt.set(failuresBefore);
      LOG.info("Dispatch slots: Redis rebuilt from PostgreSQL, booking in Redis again");
    }
    return redisInService();
  }

  private void rebuild(WarehouseId warehouse) {
    transactions.executeWithoutResult(
        status -> {
          Node node = database.lockForRebuild(warehouse);
          LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
          redis.rebuild(
              warehouse,
              node.dailyCapacity(),
              database.bookingsFrom(warehouse, today),
              database.capacity().horizonDays());
          database.markRedisSynced(warehouse);
        });
  }
}
