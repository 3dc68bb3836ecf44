package io.orderhub.engine.journal;

/** An appended entry waiting for the flusher; onDurable may be null. */
record PendingEntry(long position, byte[] payload, Runnable onDurable) {}
