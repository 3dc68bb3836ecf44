package io.orderhub.engine.journal;

import java.io.IOException;

/** Receives journal entries during {@link Journal#replay(long, EntryConsumer)}. */
@FunctionalInterface
public interface EntryConsumer {

  /**
   * @param position the entry's position (contiguous, increasing by one per call)
   * @param payload the entry's bytes, owned by the consumer
   */
  void accept(long position, byte[] payload) throws IOException;
}
