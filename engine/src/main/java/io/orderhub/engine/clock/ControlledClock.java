package io.orderhub.engine.clock;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/** A clock that moves only when told to. Thread-safe. */
public final class ControlledClock implements EngineClock {

  private final AtomicLong now;
  private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

  public ControlledClock(Instant start) {
    this.now = new AtomicLong(start.toEpochMilli());
  }

  public ControlledClock() {
    this(Instant.now());
  }

  @Override
  public long millis() {
    return now.get();
  }

  public void advance(Duration duration) {
    now.addAndGet(duration.toMillis());
    listeners.forEach(Runnable::run);
  }

  @Override
  public void onAdvance(Runnable listener) {
    listeners.add(listener);
  }
}
