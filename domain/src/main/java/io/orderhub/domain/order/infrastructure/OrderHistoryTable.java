package io.orderhub.domain.order.infrastructure;

import io.orderhub.domain.order.model.OrderStateChange;
import io.orderhub.domain.order.model.OrderStatus;
import io.orderhub.domain.shared.model.OrderId;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * SQL on {@code orders.order_history}: an order's state changes, appended in the transaction that
 * saves the order (so history and state never disagree) and kept for the order's lifetime — unlike
 * the outbox, which may be purged once relayed.
 */
public class OrderHistoryTable {

  private final JdbcClient jdbc;

  public OrderHistoryTable(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void append(OrderId orderId, OrderStateChange change) {
    jdbc.sql(
            """
            insert into orders.order_history (order_id, status, reason, event_type, occurred_at)
            values (:orderId, :status, :reason, :eventType, :occurredAt)
            """)
        .param("orderId", orderId.value())
        .param("status", change.status().name())
        .param("reason", change.reason())
        .param("eventType", change.eventType())
        .param("occurredAt", OffsetDateTime.ofInstant(change.occurredAt(), ZoneOffset.UTC))
        .update();
  }

  /** The order's state changes, oldest first. */
  public List<OrderStateChange> of(OrderId orderId) {
    return jdbc.sql(
            """
            select status, reason, event_type, occurred_at from orders.order_history
            where order_id = :orderId order by position
            """)
        .param("orderId", orderId.value())
        .query(
            (rs, row) ->
                new OrderStateChange(
                    OrderStatus.valueOf(rs.getString("status")),
                    rs.getString("reason"),
                    rs.getString("event_type"),
                    rs.getObject("occurred_at", OffsetDateTime.class).toInstant()))
        .list();
  }
}
