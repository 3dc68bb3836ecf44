package io.orderhub.engine.clock;

/**
 * The engine's notion of now, for timers, job deadlines, back-offs and message TTLs. Tests use
 * {@link ControlledClock} so timers fire when the test says, not after a sleep.
 */
public interface EngineClock {

  long millis();

  /** Registers a callback for when time jumps (only a controlled clock jumps). */
  default void onAdvance(Runnable listener) {}

  static EngineClock system() {
    return System::currentTimeMillis;
  }
}
