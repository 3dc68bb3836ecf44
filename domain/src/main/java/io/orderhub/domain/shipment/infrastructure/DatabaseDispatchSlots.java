package io.orderhub.domain.shipment.infrastructure;

import io.orderhub.domain.shared.model.OrderId;
import io.orderhub.domain.shared.model.WarehouseId;
import io.orderhub.domain.shipment.application.DispatchCapacity;
import io.orderhub.domain.shipment.application.DispatchSlots;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The dispatch slots in PostgreSQL ({@code shipment.fulfilment_node}, {@code
 * shipment.dispatch_slot}): the record of every booking, whoever allocated it, and the allocator
 * itself when Redis is not configured or not reachable.
 *
 * <p>Locking protocol on the node row, shared with the Redis allocator: the database allocator and
 * a rebuild of Redis lock it {@code FOR UPDATE}; a Redis booking locks it {@code FOR KEY SHARE},
 * which Redis bookings do not contend on among themselves. So a database booking waits for every
 * Redis booking in flight to commit before it counts, and a rebuild copies a complete picture.
 */
public class DatabaseDispatchSlots implements DispatchSlots {

  /** A node's row. {@code redisStale}: Redis must be rebuilt before it books for this node. */
  public record Node(WarehouseId warehouse, int dailyCapacity, boolean redisStale) {}

  /** One booked slot. */
  public record Booking(OrderId order, WarehouseId warehouse, LocalDate day) {}

  private final JdbcClient jdbc;
  private final DispatchCapacity capacity;

  public DatabaseDispatchSlots(JdbcClient jdbc, DispatchCapacity capacity) {
    this.jdbc = jdbc;
    this.capacity = capacity;
  }

  public DispatchCapacity capacity() {
    return capacity;
  }

  @Override
  public Optional<LocalDate> book(OrderId order, WarehouseId warehouse, LocalDate from) {
    ensureNode(warehouse);
    Node node = lock(warehouse, "for update");
    Optional<LocalDate> booked = bookedDay(order, warehouse);
    if (booked.isPresent()) {
      return booked;
    }
    Map<LocalDate, Integer> perDay = new HashMap<>();
    jdbc.sql(
            """
            select day, count(*) as booked from shipment.dispatch_slot
            where warehouse_id = :warehouse and day >= :from and day < :until
            group by day
            """)
        .param("warehouse", warehouse.value())
        .param("from", from)
        .param("until", from.plusDays(capacity.horizonDays()))
        .query((rs, i) -> perDay.put(rs.getObject("day", LocalDate.class), rs.getInt("booked")))
        .list();
    for (int i = 0; i < capacity.horizonDays(); i++) {
      LocalDate day = from.plusDays(i);
      if (perDay.getOrDefault(day, 0) < node.dailyCapacity()) {
        record(order, warehouse, day);
        // Redis did not see this booking
        jdbc.sql(
                """
                update shipment.fulfilment_node set redis_stale = true
                where warehouse_id = :warehouse and not redis_stale
                """)
            .param("warehouse", warehouse.value())
            .update();
        return Optional.of(day);
      }
    }
    return Optional.empty();
  }

  @Override
  public void release(OrderId order) {
    releaseAll(order);
  }

  /** Deletes the order's bookings and answers them. */
  public List<Booking> releaseAll(OrderId order) {
    return jdbc.sql(
            """
            delete from shipment.dispatch_slot where order_id = :order
            returning order_id, warehouse_id, day
            """)
        .param("order", order.value())
        .query(
            (rs, i) ->
                new Booking(
                    order,
                    WarehouseId.of(rs.getString("warehouse_id")),
                    rs.getObject("day", LocalDate.class)))
        .list();
  }

  /** Creates the node's row with its configured capacity, unless it exists. */
  public void ensureNode(WarehouseId warehouse) {
    jdbc.sql(
            """
            insert into shipment.fulfilment_node (warehouse_id, daily_capacity)
            values (:warehouse, :capacity) on conflict (warehouse_id) do nothing
            """)
        .param("warehouse", warehouse.value())
        .param("capacity", capacity.dailyOf(warehouse.value()))
        .update();
  }

  /** Reads the node without locking it (a hint: lock it to rely on it). */
  public Optional<Node> node(WarehouseId warehouse) {
    return jdbc.sql(
            "select warehouse_id, daily_capacity, redis_stale from shipment.fulfilment_node"
                + " where warehouse_id = :warehouse")
        .param("warehouse", warehouse.value())
        .query(DatabaseDispatchSlots::node)
        .optional();
  }

  /** Locks the node for a Redis booking: does not wait for other Redis bookings. */
  public Node lockForRedisBooking(WarehouseId warehouse) {
    return lock(warehouse, "for key share");
  }

  /** Locks the node against every booking, for a rebuild of its Redis state. */
  public Node lockForRebuild(WarehouseId warehouse) {
    return lock(warehouse, "for update");
  }

  private Node lock(WarehouseId warehouse, String mode) {
    return jdbc.sql(
            "select warehouse_id, daily_capacity, redis_stale from shipment.fulfilment_node"
                + " where warehouse_id = :warehouse "
                + mode)
        .param("warehouse", warehouse.value())
        .query(DatabaseDispatchSlots::node)
        .optional()
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "Expected fulfilment node " + warehouse + " to exist, but it does not"));
  }

  private static Node node(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    return new Node(
        WarehouseId.of(rs.getString("warehouse_id")),
        rs.getInt("daily_capacity"),
        rs.getBoolean("redis_stale"));
  }

  public Optional<LocalDate> bookedDay(OrderId order, WarehouseId warehouse) {
    return jdbc.sql(
            "select day from shipment.dispatch_slot"
                + " where order_id = :order and warehouse_id = :warehouse")
        .param("order", order.value())
        .param("warehouse", warehouse.value())
        .query(LocalDate.class)
        .optional();
  }

  /** Records a booking another allocator made. Idempotent. */
  public void record(OrderId order, WarehouseId warehouse, LocalDate day) {
    jdbc.sql(
            """
            insert into shipment.dispatch_slot (order_id, warehouse_id, day)
            values (:order, :warehouse, :day) on conflict (order_id, warehouse_id) do nothing
            """)
        .param("order", order.value())
        .param("warehouse", warehouse.value())
        .param("day", day)
        .update();
  }

  /** The node's bookings from {@code from} on. */
  public List<Booking> bookingsFrom(WarehouseId warehouse, LocalDate from) {
    return jdbc.sql(
            "select order_id, day from shipment.dispatch_slot"
                + " where warehouse_id = :warehouse and day >= :from")
        .param("warehouse", warehouse.value())
        .param("from", from)
        .query(
            (rs, i) ->
                new Booking(
                    new OrderId(rs.getObject("order_id", UUID.class)),
                    warehouse,
                    rs.getObject("day", LocalDate.class)))
        .list();
  }

  public List<Node> nodes() {
    return jdbc.sql(
            "select warehouse_id, daily_capacity, redis_stale from shipment.fulfilment_node"
                + " order by warehouse_id")
        .query(DatabaseDispatchSlots::node)
        .list();
  }

  public void markRedisSynced(WarehouseId warehouse) {
    jdbc.sql(
            "update shipment.fulfilment_node set redis_stale = false"
                + " where warehouse_id = :warehouse")
        .param("warehouse", warehouse.value())
        .update();
  }
}
