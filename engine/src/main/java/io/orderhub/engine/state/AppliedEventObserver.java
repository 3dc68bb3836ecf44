package io.orderhub.engine.state;

import io.orderhub.engine.record.EngineEvent;

/**
 * Sees each event just before the live processor applies it, with the state as it was before, so
 * that an event carrying only a key (a job activated, an element completed) can still be described
 * by what it refers to. Replay does not call it. Runs on the processing thread: it must only read
 * the state, stay cheap and never throw.
 */
@FunctionalInterface
public interface AppliedEventObserver {

  AppliedEventObserver NONE = (event, state) -> {};

  void applying(EngineEvent event, EngineState state);
}
