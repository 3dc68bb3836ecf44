package io.orderhub.bpmn.testing;

import io.orderhub.engine.processing.EngineProcessor;
import io.orderhub.engine.record.EngineEvent;
import io.orderhub.engine.record.EngineEvent.ElementActivating;
import io.orderhub.engine.record.EngineEvent.ElementCompleted;
import io.orderhub.engine.record.EngineEvent.ElementTerminated;
import io.orderhub.engine.record.EngineEvent.IncidentCreated;
import io.orderhub.engine.record.EngineEvent.JobCreated;
import io.orderhub.engine.record.EngineEvent.JobFailed;
import io.orderhub.engine.record.EventBatch;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Every committed engine event of a test, with the element id and process instance of each element
 * instance resolved, so scenarios can ask "which elements of instance X completed, in which order".
 * Tests wait on it (bounded, notified on each commit) instead of sleeping, and print it when they
 * fail. Thread-safe.
 */
public final class ProcessRecords implements EngineProcessor.BatchListener {

  /** One element instance as the records tell it. */
  public record Element(
      long key, long processInstanceKey, long flowScopeKey, String elementId, String type) {}

  private final List<EngineEvent> events = new ArrayList<>();
  private final Map<Long, Element> elements = new HashMap<>();

  @Override
  public synchronized void committed(long position, EventBatch batch) {
    for (EngineEvent event : batch.events()) {
      events.add(event);
      if (event instanceof ElementActivating a) {
        elements.put(
            a.key(),
            new Element(
                a.key(),
                a.processInstanceKey(),
                a.flowScopeKey(),
                a.elementId(),
                a.elementType().name()));
      }
    }
    notifyAll();
  }

  /** Element ids of instance {@code processInstanceKey} that completed, in commit order. */
  public synchronized List<String> completed(long processInstanceKey) {
    return elementIds(processInstanceKey, ElementCompleted.class);
  }

  /** Element ids of instance {@code processInstanceKey} that were activated, in commit order. */
  public synchronized List<String> activated(long processInstanceKey) {
    return elementIds(processInstanceKey, ElementActivating.class);
  }

  public synchronized List<String> terminated(long processInstanceKey) {
    return elementIds(processInstanceKey, ElementTerminated.class);
  }

  private List<String> elementIds(long processInstanceKey, Class<? extends EngineEvent> type) {
    List<String> ids = new ArrayList<>();
    for (EngineEvent event : events) {
      if (type.isInstance(event)) {
        Element element = elements.get(event.key());
        if (element != null
            && element.processInstanceKey() == processInstanceKey
            && element.key() != processInstanceKey) {
          ids.add(element.elementId());
        }
      }
    }
    return ids;
  }

  public synchronized boolean isCompleted(long processInstanceKey) {
    return events.stream()
        .anyMatch(e -> e instanceof ElementCompleted c && c.key() == processInstanceKey);
  }

  public synchronized List<IncidentCreated> incidents() {
    return events.stream()
        .filter(IncidentCreated.class::isInstance)
        .map(IncidentCreated.class::cast)
        .toList();
  }

  public synchronized <T extends EngineEvent> List<T> events(Class<T> type) {
    return events.stream().filter(type::isInstance).map(type::cast).toList();
  }

  /** Waits until the process instance completed. */
  public void awaitCompleted(long processInstanceKey) {
    awaitTrue(
        "process instance " + processInstanceKey + " to complete",
        () -> isCompleted(processInstanceKey));
  }

  /** Waits until an element of the instance was activated (entered). */
  public void awaitActivated(long processInstanceKey, String elementId) {
    awaitTrue(
        "element " + elementId + " of " + processInstanceKey + " to be activated",
        () -> activated(processInstanceKey).contains(elementId));
  }

  /** Waits until an element of the instance completed. */
  public void awaitCompleted(long processInstanceKey, String elementId) {
    awaitTrue(
        "element " + elementId + " of " + processInstanceKey + " to complete",
        () -> completed(processInstanceKey).contains(elementId));
  }

  /** How often jobs of the element in the instance failed (a technical failure each). */
  public synchronized long jobFailures(long processInstanceKey, String elementId) {
    java.util.Set<Long> jobs = new java.util.HashSet<>();
    for (EngineEvent event : events) {
      if (event instanceof JobCreated created
          && created.processInstanceKey() == processInstanceKey
          && created.elementId().equals(elementId)) {
        jobs.add(created.key());
      }
    }
    return events.stream()
        .filter(e -> e instanceof JobFailed failed && jobs.contains(failed.key()))
        .count();
  }

  /** Waits until a job of the element in the instance failed at least {@code times} times. */
  public void awaitJobFailures(long processInstanceKey, String elementId, long times) {
    awaitTrue(
        times + " failure(s) of a job of " + elementId + " in " + processInstanceKey,
        () -> jobFailures(processInstanceKey, elementId) >= times);
  }

  /** Waits until a committed event matches. */
  public <T extends EngineEvent> T await(Class<T> type, Predicate<T> match) {
    List<T> found = new ArrayList<>();
    awaitTrue(
        "a committed " + type.getSimpleName() + " matching the condition",
        () -> {
          events(type).stream().filter(match).findFirst().ifPresent(found::add);
          return !found.isEmpty();
        });
    return found.getFirst();
  }

  /**
   * Waits, woken by every commit, until the condition holds; fails after 30 s. The condition may
   * read other state than the records (e.g. the database), so it is also re-checked every 50 ms.
   */
  public void awaitTrue(String what, Supplier<Boolean> condition) {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!condition.get()) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError("Expected " + what + " within 30 s, but it did not happen");
      }
      synchronized (this) {
        try {
          wait(Math.min(50, Math.max(1, left / 1_000_000)));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new AssertionError("interrupted while waiting for " + what, e);
        }
      }
    }
  }

  public synchronized String dump() {
    StringBuilder out = new StringBuilder("Engine records:\n");
    for (EngineEvent event : events) {
      Element element = elements.get(event.key());
      out.append("  ").append(event);
      if (element != null) {
        out.append("  <- ").append(element.elementId());
      }
      out.append('\n');
    }
    return out.toString();
  }
}
