package io.orderhub.engine.processing;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;

/**
 * Holds back what must wait for durability — replies, pushed jobs, exports — until the journal
 * position it depends on is fsynced. A batch with no events still waits for the batches before it,
 * so no reply ever reveals state that could be lost. Thread-safe.
 */
final class DurabilityTracker {

  private record Waiting(long position, Runnable action) {}

  private final Queue<Waiting> waiting = new ArrayDeque<>();
  private long durable;
  private long appended;

  synchronized void appended(long position) {
    appended = Math.max(appended, position);
  }

  /** Runs the action once everything appended so far (or up to position) is durable. */
  void afterDurable(long position, Runnable action) {
    synchronized (this) {
      if (position > durable) {
        waiting.add(new Waiting(position, action));
        return;
      }
    }
    action.run();
  }

  void afterEverythingAppended(Runnable action) {
    long position;
    synchronized (this) {
      position = appended;
    }
    afterDurable(position, action);
  }

  void durable(long position) {
    List<Runnable> ready = new ArrayList<>();
    synchronized (this) {
      durable = Math.max(durable, position);
      while (!waiting.isEmpty() && waiting.peek().position() <= durable) {
        ready.add(waiting.poll().action());
      }
    }
    ready.forEach(DurabilityTracker::runSafely);
  }

  private static void runSafely(Runnable action) {
    try {
      action.run();
    } catch (RuntimeException e) {
      org.slf4j.LoggerFactory.getLogger(DurabilityTracker.class)
          .error("Expected a post-commit action to succeed, but it failed", e);
    }
  }
}
