package io.orderhub.engine.processing;

/**
 * What the health probes need to know of the processing thread.
 *
 * @param threadAlive false once the thread died (an Error escaped a step)
 * @param accepting false once the processor was closed
 * @param busyNanos how long the current step has been running; 0 while the thread waits for work
 */
public record ProcessingLiveness(boolean threadAlive, boolean accepting, long busyNanos) {}
