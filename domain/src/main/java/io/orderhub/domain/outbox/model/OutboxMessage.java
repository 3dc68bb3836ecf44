package io.orderhub.domain.outbox.model;

import java.time.Instant;
import java.util.UUID;

/**
 * One outbox row as handed to a publisher.
 *
 * @param id unique per event; the consumers' deduplication key
 * @param position strictly increasing in the order the rows were written; per aggregate, the order
 *     of its transactions
 * @param aggregateId the order id the event belongs to; the partition key
 * @param payload the event as JSON
 */
public record OutboxMessage(
    UUID id,
    long position,
    String aggregateType,
    String aggregateId,
    String eventType,
    String payload,
    Instant occurredAt) {}
