package io.orderhub.bench;

import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * When orders reached DISPATCHED, read from the order history the application writes in the same
 * transaction as the state change ({@code orders.order_history}) — so the bench sees the time the
 * order got there without polling the API under load.
 */
final class DispatchLog implements AutoCloseable {

  static final String DISPATCHED = "DISPATCHED";
  // where an order stops on the way to DISPATCHED when something goes wrong
  private static final String SETTLED =
      "('DISPATCHED','REJECTED','OUT_OF_STOCK','PAYMENT_FAILED','PAYMENT_TIMED_OUT','CANCELLED')";

  private final Connection connection;

  DispatchLog(String jdbcUrl) throws SQLException {
    this.connection = DriverManager.getConnection(jdbcUrl, "postgres", "");
  }

  /** How many DISPATCHED transitions happened in [from, to). */
  long dispatchedBetween(Instant from, Instant to) throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement(
            "select count(*) from orders.order_history"
                + " where status = 'DISPATCHED' and occurred_at >= ? and occurred_at < ?")) {
      statement.setTimestamp(1, Timestamp.from(from));
      statement.setTimestamp(2, Timestamp.from(to));
      try (ResultSet rows = statement.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }

  /** Of these orders, how many have reached DISPATCHED or stopped on the way. */
  long settled(Collection<String> orderIds) throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement(
            "select count(distinct order_id) from orders.order_history"
                + " where order_id = any(?) and status in "
                + SETTLED)) {
      statement.setArray(1, uuids(orderIds));
      try (ResultSet rows = statement.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }

  /** When each of these orders reached DISPATCHED (orders that did not are absent). */
  Map<String, Instant> dispatchedAt(Collection<String> orderIds) throws SQLException {
    Map<String, Instant> at = new HashMap<>();
    try (PreparedStatement statement =
        connection.prepareStatement(
            "select order_id, min(occurred_at) from orders.order_history"
                + " where order_id = any(?) and status = 'DISPATCHED' group by order_id")) {
      statement.setArray(1, uuids(orderIds));
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          at.put(rows.getString(1), rows.getTimestamp(2).toInstant());
        }
      }
    }
    return at;
  }

  /** The orders' latest states, counted (what the ones that did not reach DISPATCHED did). */
  Map<String, Long> latestStates(Collection<String> orderIds) throws SQLException {
    Map<String, Long> counts = new HashMap<>();
    try (PreparedStatement statement =
        connection.prepareStatement(
            "select status, count(*) from orders.customer_order where id = any(?) group by status")) {
      statement.setArray(1, uuids(orderIds));
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          counts.put(rows.getString(1), rows.getLong(2));
        }
      }
    }
    return counts;
  }

  private Array uuids(Collection<String> orderIds) throws SQLException {
    return connection.createArrayOf("uuid", orderIds.stream().map(UUID::fromString).toArray());
  }

  @Override
  public void close() throws SQLException {
    connection.close();
  }
}
