package io.orderhub.engine.processing;

/** Where committed batches go: the journal, in production and tests alike. */
@FunctionalInterface
public interface EventLog {

  /**
   * Appends an entry and returns its position; {@code onDurable} runs once it is fsynced, in
   * position order.
   */
  long append(byte[] entry, Runnable onDurable);
}
