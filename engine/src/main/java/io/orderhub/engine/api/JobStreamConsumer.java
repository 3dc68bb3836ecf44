package io.orderhub.engine.api;

/** Receives pushed jobs. Called from an engine thread; must not block. */
@FunctionalInterface
public interface JobStreamConsumer {

  /** Returns false when the job could not be handed on; the engine then yields it back. */
  boolean push(ActivatedJob job);
}
