package io.orderhub.domain.outbox.infrastructure;

import io.orderhub.domain.outbox.model.OutboxMessage;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * SQL on {@code outbox.outbox_event}. Through the DataSource that the JPA transaction manager binds
 * to the transaction, so these statements run in the same transaction as the aggregate's.
 */
public class OutboxTable {

  private final JdbcClient jdbc;

  public OutboxTable(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(
      UUID id,
      String aggregateType,
      String aggregateId,
      String eventType,
      String payloadJson,
      Instant occurredAt) {
    jdbc.sql(
            """
            insert into outbox.outbox_event
              (id, aggregate_type, aggregate_id, event_type, payload, occurred_at)
            values (:id, :aggregateType, :aggregateId, :eventType, cast(:payload as jsonb), :occurredAt)
            """)
        .param("id", id)
        .param("aggregateType", aggregateType)
        .param("aggregateId", aggregateId)
        .param("eventType", eventType)
        .param("payload", payloadJson)
        .param("occurredAt", OffsetDateTime.ofInstant(occurredAt, ZoneOffset.UTC))
        .update();
  }

  /** The oldest unpublished rows not locked by another relay, locked until commit. */
  public List<OutboxMessage> lockUnpublished(int limit) {
    return jdbc.sql(
            """
            select id, position, aggregate_type, aggregate_id, event_type, payload::text as payload,
                   occurred_at
            from outbox.outbox_event
            where published_at is null
            order by position
            limit :limit
            for update skip locked
            """)
        .param("limit", limit)
        .query(
            (rs, row) ->
                new OutboxMessage(
                    rs.getObject("id", UUID.class),
                    rs.getLong("position"),
                    rs.getString("aggregate_type"),
                    rs.getString("aggregate_id"),
                    rs.getString("event_type"),
                    rs.getString("payload"),
                    rs.getTimestamp("occurred_at").toInstant()))
        .list();
  }

  public void markPublished(List<OutboxMessage> messages, Instant publishedAt) {
    jdbc.sql("update outbox.outbox_event set published_at = :publishedAt where id in (:ids)")
        .param("publishedAt", OffsetDateTime.ofInstant(publishedAt, ZoneOffset.UTC))
        .param("ids", messages.stream().map(OutboxMessage::id).toList())
        .update();
  }

  public int deletePublishedBefore(Instant cutoff) {
    return jdbc.sql("delete from outbox.outbox_event where published_at < :cutoff")
        .param("cutoff", OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC))
        .update();
  }

  /** Deletes rows written before {@code cutoff}, published or not: for a outbox nobody relays. */
  public int deleteWrittenBefore(Instant cutoff) {
    return jdbc.sql("delete from outbox.outbox_event where occurred_at < :cutoff")
        .param("cutoff", OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC))
        .update();
  }

  public long countUnpublished() {
    return jdbc.sql("select count(*) from outbox.outbox_event where published_at is null")
        .query(Long.class)
        .single();
  }
}
