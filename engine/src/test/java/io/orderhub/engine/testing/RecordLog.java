package io.orderhub.engine.testing;

import io.orderhub.engine.processing.EngineProcessor;
import io.orderhub.engine.record.EngineEvent;
import io.orderhub.engine.record.EventBatch;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Every committed event of a test, in order. Tests wait on it for what the engine did (no sleeps)
 * and print it when they fail.
 */
public final class RecordLog implements EngineProcessor.BatchListener {

  private record Entry(long position, EngineEvent event) {}

  private final List<Entry> entries = new ArrayList<>();

  @Override
  public synchronized void committed(long position, EventBatch batch) {
    batch.events().forEach(e -> entries.add(new Entry(position, e)));
    notifyAll();
  }

  public synchronized List<EngineEvent> events() {
    return entries.stream().map(Entry::event).toList();
  }

  public synchronized <T extends EngineEvent> List<T> events(Class<T> type) {
    return entries.stream().map(Entry::event).filter(type::isInstance).map(type::cast).toList();
  }

  /** Waits until a committed event matches, and returns it. */
  public <T extends EngineEvent> T await(Class<T> type, Predicate<T> match) {
    return await(type, match, Duration.ofSeconds(20));
  }

  public synchronized <T extends EngineEvent> T await(
      Class<T> type, Predicate<T> match, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    int checked = 0;
    while (true) {
      for (; checked < entries.size(); checked++) {
        EngineEvent event = entries.get(checked).event();
        if (type.isInstance(event) && match.test(type.cast(event))) {
          return type.cast(event);
        }
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError(
            "Expected a committed %s matching the condition within %s, but none came"
                .formatted(type.getSimpleName(), timeout));
      }
      try {
        wait(Math.max(1, left / 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted", e);
      }
    }
  }

  public <T extends EngineEvent> T await(Class<T> type) {
    return await(type, e -> true);
  }

  public synchronized String dump() {
    StringBuilder out = new StringBuilder("Record log (position: event):\n");
    entries.forEach(
        e -> out.append("  ").append(e.position()).append(": ").append(e.event()).append('\n'));
    return out.toString();
  }
}
