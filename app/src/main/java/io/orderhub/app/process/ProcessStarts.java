package io.orderhub.app.process;

import io.orderhub.app.schema.AppSchema;
import io.orderhub.domain.shared.model.OrderId;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * SQL on {@code app.process_start}: which orders have their fulfilment process. Each statement is
 * atomic on its own; none needs a surrounding transaction.
 */
public class ProcessStarts {

  private final JdbcClient jdbc;

  /** Takes the schema so that it is migrated before the first statement runs. */
  public ProcessStarts(JdbcClient jdbc, AppSchema schema) {
    this.jdbc = jdbc;
  }

  public boolean isStarted(OrderId orderId) {
    return jdbc.sql("select count(*) from app.process_start where order_id = :orderId")
            .param("orderId", orderId.value())
            .query(Long.class)
            .single()
        > 0;
  }

  /** Records the start; a second record of the same order changes nothing. */
  public void recordStarted(OrderId orderId, Long processInstanceKey, Instant startedAt) {
    jdbc.sql(
            """
            insert into app.process_start (order_id, process_instance_key, started_at)
            values (:orderId, :key, :startedAt)
            on conflict (order_id) do nothing
            """)
        .param("orderId", orderId.value())
        .param("key", processInstanceKey)
        .param("startedAt", OffsetDateTime.ofInstant(startedAt, ZoneOffset.UTC))
        .update();
  }

  /**
   * Orders still in {@code CREATED}, placed before {@code createdBefore}, without a started process
   * — oldest first. Reads the domain's order table directly: the application is the one place that
   * knows both, and the status index keeps the scan to the few orders not yet under way.
   */
  public List<OrderId> awaitingStart(Instant createdBefore, int limit) {
    return jdbc.sql(
            """
            select o.id from orders.customer_order o
            where o.status = 'CREATED'
              and o.created_at < :createdBefore
              and not exists (select 1 from app.process_start s where s.order_id = o.id)
            order by o.created_at
            limit :limit
            """)
        .param("createdBefore", OffsetDateTime.ofInstant(createdBefore, ZoneOffset.UTC))
        .param("limit", limit)
        .query((rs, row) -> new OrderId(rs.getObject("id", UUID.class)))
        .list();
  }

  /** The instance key recorded for the order, if its start was recorded with one. */
  public Optional<Long> processInstanceKey(OrderId orderId) {
    return jdbc
        .sql("select process_instance_key from app.process_start where order_id = :orderId")
        .param("orderId", orderId.value())
        .query((rs, row) -> Optional.ofNullable(rs.getObject("process_instance_key", Long.class)))
        .list()
        .stream()
        .findFirst()
        .flatMap(key -> key);
  }
}
