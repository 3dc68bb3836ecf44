/**
 * Transactional outbox: every state change of an aggregate appends the events it recorded to {@code
 * outbox.outbox_event} in the same database transaction ({@link
 * io.orderhub.domain.outbox.application.OutboxWriter}), and a relay later hands the unpublished
 * rows, in the order they were written, to a publisher ({@link
 * io.orderhub.domain.outbox.application.OutboxRelay}).
 *
 * <p>Delivery is at least once: a row is marked published only after the publisher returned, in the
 * relay's transaction, so a crash in between republishes it. Consumers deduplicate by the row id.
 * {@code aggregate_id} is always the order id, the key to partition by so that each order's events
 * stay in order.
 */
package io.orderhub.domain.outbox;
