package io.orderhub.domain;

import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Reads the outbox the way a test wants to see it. */
public final class OutboxRows {

  private final JdbcClient jdbc;

  public OutboxRows(DataSource dataSource) {
    this.jdbc = JdbcClient.create(dataSource);
  }

  /** Event types written for an order, in outbox order. */
  public List<String> eventTypes(Object orderId) {
    return jdbc.sql(
            "select event_type from outbox.outbox_event where aggregate_id = ? order by position")
        .param(orderId.toString())
        .query(String.class)
        .list();
  }

  public String payload(Object orderId, String eventType) {
    return jdbc.sql(
            """
            select payload::text from outbox.outbox_event
            where aggregate_id = ? and event_type = ? order by position limit 1
            """)
        .param(orderId.toString())
        .param(eventType)
        .query(String.class)
        .single();
  }
}
