package io.orderhub.domain.shipment.infrastructure.noderedis;

import io.orderhub.domain.shared.model.OrderId;
import io.orderhub.domain.shared.model.WarehouseId;
import io.orderhub.domain.shipment.infrastructure.DatabaseDispatchSlots.Booking;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.Cursor;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * The dispatch slots of the fulfilment nodes in Redis, booked and released by Lua scripts so that
 * the check of a day's count and the booking are one atomic step. Per node: {@code
 * <prefix>:node:{WH}:capacity}, a set of order ids per day ({@code …:day:2026-11-30}) and the day
 * of each order ({@code …:order:<id>}). The braces make a node's keys one Redis Cluster slot.
 *
 * <p>Only the allocator: {@link ResilientDispatchSlots} records each booking in PostgreSQL and
 * rebuilds these keys from there. Every call may throw Spring's {@code DataAccessException} when
 * Redis is unreachable.
 */
public class RedisDispatchSlots {

  /** What a booking did. */
  public sealed interface Outcome {
    record Booked(LocalDate day) implements Outcome {}

    record BookedBefore(LocalDate day) implements Outcome {}

    record Full() implements Outcome {}

    /** Redis holds no state of this node (restarted, flushed, or never rebuilt). */
    record NotSeeded() implements Outcome {}
  }

  @SuppressWarnings("rawtypes")
  private static final RedisScript<List> BOOK =
      RedisScript.of(new ClassPathResource("noderedis/book-slot.lua"), List.class);

  private static final RedisScript<Long> RELEASE =
      RedisScript.of(new ClassPathResource("noderedis/release-slot.lua"), Long.class);

  private final StringRedisTemplate redis;
  private final String prefix;

  public RedisDispatchSlots(StringRedisTemplate redis, String prefix) {
    this.redis = redis;
    this.prefix = prefix;
  }

  public Outcome book(OrderId order, WarehouseId warehouse, LocalDate from, int horizonDays) {
    List<String> keys = new ArrayList<>(horizonDays + 2);
    List<String> args = new ArrayList<>(horizonDays + 2);
    keys.add(capacityKey(warehouse));
    keys.add(orderKey(warehouse, order));
    args.add(order.asString());
    args.add(Long.toString(timeToLive(horizonDays).toSeconds()));
    for (int i = 0; i < horizonDays; i++) {
      LocalDate day = from.plusDays(i);
      keys.add(dayKey(warehouse, day));
      args.add(day.toString());
    }
    List<?> answer = redis.execute(BOOK, keys, args.toArray());
    long code = ((Number) answer.get(0)).longValue();
    String day = String.valueOf(answer.get(1));
    return switch ((int) code) {
      case 1 -> new Outcome.Booked(LocalDate.parse(day));
      case 0 -> new Outcome.BookedBefore(LocalDate.parse(day));
      case 2 -> new Outcome.Full();
      case -1 -> new Outcome.NotSeeded();
      default ->
          throw new IllegalStateException(
              "Expected the booking script to answer -1..2, but it answered " + code);
    };
  }

  public void release(Collection<Booking> bookings) {
    for (Booking booking : bookings) {
      redis.execute(
          RELEASE,
          List.of(
              orderKey(booking.warehouse(), booking.order()),
              dayKey(booking.warehouse(), booking.day())),
          booking.order().asString());
    }
  }

  /**
   * Replaces the node's keys by {@code bookings} (from today on) and then its capacity. The caller
   * holds the node's row lock, so no booking of this node runs meanwhile.
   */
  public void rebuild(
      WarehouseId warehouse, int dailyCapacity, List<Booking> bookings, int horizonDays) {
    redis.delete(capacityKey(warehouse));
    Set<String> stale = new HashSet<>();
    try (Cursor<String> keys =
        redis.scan(
            ScanOptions.scanOptions().match(nodePrefix(warehouse) + "*").count(1000).build())) {
      keys.forEachRemaining(stale::add);
    }
    if (!stale.isEmpty()) {
      redis.delete(stale);
    }
    long ttl = timeToLive(horizonDays).toSeconds();
    Map<LocalDate, List<Booking>> byDay =
        bookings.stream().collect(Collectors.groupingBy(Booking::day));
    redis.executePipelined(
        (RedisCallback<Object>)
            connection -> {
              byDay.forEach(
                  (day, ofDay) -> {
                    byte[] key = bytes(dayKey(warehouse, day));
                    connection
                        .setCommands()
                        .sAdd(
                            key,
                            ofDay.stream()
                                .map(b -> bytes(b.order().asString()))
                                .toArray(byte[][]::new));
                    connection.keyCommands().expire(key, ttl);
                    ofDay.forEach(
                        b ->
                            connection
                                .stringCommands()
                                .setEx(
                                    bytes(orderKey(warehouse, b.order())),
                                    ttl,
                                    bytes(day.toString())));
                  });
              return null;
            });
    redis.opsForValue().set(capacityKey(warehouse), Integer.toString(dailyCapacity));
  }

  private static byte[] bytes(String value) {
    return value.getBytes(StandardCharsets.UTF_8);
  }

  /** Slots booked on {@code day} at the node, as Redis counts them. */
  public long bookedOn(WarehouseId warehouse, LocalDate day) {
    Long size = redis.opsForSet().size(dayKey(warehouse, day));
    return size == null ? 0 : size;
  }

  // long enough for the last day of the horizon to pass; Redis then forgets the node's old days
  private static Duration timeToLive(int horizonDays) {
    return Duration.ofDays(horizonDays + 2L);
  }

  private String nodePrefix(WarehouseId warehouse) {
    return prefix + ":node:{" + warehouse.value() + "}:";
  }

  private String capacityKey(WarehouseId warehouse) {
    return nodePrefix(warehouse) + "capacity";
  }

  private String orderKey(WarehouseId warehouse, OrderId order) {
    return nodePrefix(warehouse) + "order:" + order.asString();
  }

  private String dayKey(WarehouseId warehouse, LocalDate day) {
    return nodePrefix(warehouse) + "day:" + day;
  }
}
