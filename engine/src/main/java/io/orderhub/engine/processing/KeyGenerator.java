package io.orderhub.engine.processing;

import io.orderhub.engine.state.EngineState;

/** Hands out unique keys; after recovery it continues above the highest key in the state. */
final class KeyGenerator {

  private final EngineState state;
  private long last;

  KeyGenerator(EngineState state) {
    this.state = state;
    this.last = state.lastKey();
  }

  /** The highest key handed out so far (or recovered). */
  long last() {
    return Math.max(last, state.lastKey());
  }

  long next() {
    last = Math.max(last, state.lastKey()) + 1;
    return last;
  }
}
