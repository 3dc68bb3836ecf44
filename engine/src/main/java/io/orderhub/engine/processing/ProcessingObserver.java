package io.orderhub.engine.processing;

/**
 * Told about the processing thread's work (metrics). Called on the processing thread, except {@link
 * #backpressureRejected}, which runs on the caller's; must be cheap and never throw.
 */
public interface ProcessingObserver {

  ProcessingObserver NONE =
      new ProcessingObserver() {
        @Override
        public void batchProcessed(long nanos, int events) {}

        @Override
        public void backpressureRejected() {}
      };

  /** One command (or one round of due work) was processed into a batch of {@code events}. */
  void batchProcessed(long nanos, int events);

  /** A request was turned away because the inbox was full. */
  void backpressureRejected();
}
