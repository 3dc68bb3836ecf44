package io.orderhub.engine.journal;

/**
 * Told about every group commit of the journal, on the flusher thread, after the batch is durable:
 * how many entries it held, how long writing them took and how long the fsync took. Must be cheap
 * and must not block; it delays the acknowledgement of the next batch.
 */
@FunctionalInterface
public interface JournalObserver {

  JournalObserver NONE = (entries, bytes, writeNanos, fsyncNanos) -> {};

  void groupCommitted(int entries, long bytes, long writeNanos, long fsyncNanos);
}
