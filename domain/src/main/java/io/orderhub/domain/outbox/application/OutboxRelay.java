package io.orderhub.domain.outbox.application;

import io.orderhub.domain.outbox.infrastructure.OutboxTable;
import io.orderhub.domain.outbox.model.OutboxMessage;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves unpublished outbox rows to a publisher, oldest first, and marks them published.
 *
 * <p>Each batch is one transaction of its own: the rows are read with {@code FOR UPDATE SKIP
 * LOCKED}, handed to the publisher, and marked published before commit. Concurrent relays therefore
 * never publish the same row at the same time, but they may interleave batches: run one relay at a
 * time (e.g. a single scheduled task, or leader election) where a consumer relies on the total
 * per-order order. Thread-safe.
 */
public class OutboxRelay {

  private final OutboxTable table;
  private final TransactionTemplate transactions;
  private final Clock clock;
  private final int batchSize;

  public OutboxRelay(
      OutboxTable table,
      PlatformTransactionManager transactionManager,
      Clock clock,
      int batchSize) {
    if (batchSize <= 0) {
      throw new IllegalArgumentException("Expected a positive batch size, but got " + batchSize);
    }
    this.table = table;
    this.transactions = new TransactionTemplate(transactionManager);
    // a batch must never join a caller's transaction: its rows would stay locked, and a caller's
    // rollback would undo the 'published' marks of messages that were in fact published
    this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.clock = clock;
    this.batchSize = batchSize;
  }

  /**
   * Publishes at most one batch.
   *
   * @return how many messages were published; 0 when nothing (unlocked) was waiting
   * @throws OutboxPublicationFailed when the publisher threw; the batch stays unpublished
   */
  public int relayBatch(OutboxPublisher publisher) {
    Integer published =
        transactions.execute(
            status -> {
              List<OutboxMessage> batch = table.lockUnpublished(batchSize);
              if (batch.isEmpty()) {
                return 0;
              }
              try {
                publisher.publish(batch);
              } catch (Exception e) {
                throw new OutboxPublicationFailed(batch.size(), batch.getFirst().position(), e);
              }
              table.markPublished(batch, clock.instant());
              return batch.size();
            });
    return published == null ? 0 : published;
  }

  /**
   * Publishes batches until one comes back short (nothing more was waiting when it was read).
   *
   * @return how many messages were published in all
   */
  public int relayAll(OutboxPublisher publisher) {
    int total = 0;
    int published;
    do {
      published = relayBatch(publisher);
      total += published;
    } while (published == batchSize);
    return total;
  }

  /** Deletes rows published before {@code cutoff}; the outbox is a queue, not an archive. */
  public int deletePublishedBefore(Instant cutoff) {
    Integer deleted = transactions.execute(status -> table.deletePublishedBefore(cutoff));
    return deleted == null ? 0 : deleted;
  }

  /**
   * Deletes every row written before {@code cutoff}, published or not — for an application that
   * relays its outbox nowhere, where the rows would otherwise only grow.
   */
  public int discardWrittenBefore(Instant cutoff) {
    Integer deleted = transactions.execute(status -> table.deleteWrittenBefore(cutoff));
    return deleted == null ? 0 : deleted;
  }

  /** How many rows wait to be published — the relay's backlog (a natural autoscaling metric). */
  public long backlog() {
    return table.countUnpublished();
  }

  public int batchSize() {
    return batchSize;
  }
}
