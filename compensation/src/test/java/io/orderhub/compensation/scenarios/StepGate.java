package io.orderhub.compensation.scenarios;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Lets a scenario stop a forward step of one order where it wants it: the domain services the
 * workers call ask the gate before and after their effect. Without a rule a step passes.
 *
 * <ul>
 *   <li>{@link #block}: the step fails before its effect (a technical failure: the job is retried
 *       after its back-off, which on the engine's controlled clock never comes unless a test
 *       advances it) — the order stays right before the step.
 *   <li>{@link #failOnceAfterEffect}: the step's effect happens, then the call fails once — the job
 *       is retried and runs the (idempotent) effect again.
 *   <li>{@link #holdFirst}: the first call waits (before its effect) until released — meanwhile the
 *       job times out and a second delivery of it goes through.
 * </ul>
 */
public final class StepGate {

  /** The gated steps. */
  public enum Step {
    RESERVE,
    REQUEST_PAYMENT,
    ROUTE,
    DISPATCH
  }

  private enum Mode {
    BLOCK,
    FAIL_ONCE_AFTER_EFFECT,
    HOLD_FIRST
  }

  private record Rule(Mode mode, CountDownLatch release, AtomicInteger calls) {}

  /** Thrown by a gated step: stands for a database or network failure. */
  public static final class InjectedFailure extends RuntimeException {
    InjectedFailure(String message) {
      super(message);
    }
  }

  private final Map<String, Rule> rules = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> effects = new ConcurrentHashMap<>();

  private static String key(Step step, Object orderId, Object detail) {
    return step + ":" + orderId + (detail == null ? "" : ":" + detail);
  }

  public void block(Step step, Object orderId) {
    block(step, orderId, null);
  }

  /** Blocks e.g. one package ({@code detail}) of an order's dispatch. */
  public void block(Step step, Object orderId, Object detail) {
    rules.put(key(step, orderId, detail), new Rule(Mode.BLOCK, null, new AtomicInteger()));
  }

  public void failOnceAfterEffect(Step step, Object orderId) {
    rules.put(
        key(step, orderId, null), new Rule(Mode.FAIL_ONCE_AFTER_EFFECT, null, new AtomicInteger()));
  }

  /** Holds the first call of the step; returns what releases it. */
  public Runnable holdFirst(Step step, Object orderId) {
    CountDownLatch latch = new CountDownLatch(1);
    rules.put(key(step, orderId, null), new Rule(Mode.HOLD_FIRST, latch, new AtomicInteger()));
    return latch::countDown;
  }

  /** How often the step's domain effect ran for the order (the effect itself is idempotent). */
  public int effects(Step step, Object orderId) {
    AtomicInteger count = effects.get(key(step, orderId, null));
    return count == null ? 0 : count.get();
  }

  /** How often the step was called while a rule was set. */
  public int calls(Step step, Object orderId) {
    Rule rule = rules.get(key(step, orderId, null));
    return rule == null ? 0 : rule.calls().get();
  }

  void before(Step step, Object orderId, Object detail) {
    Rule rule = rules.get(key(step, orderId, detail));
    if (rule == null) {
      rule = rules.get(key(step, orderId, null));
    }
    if (rule == null) {
      return;
    }
    int call = rule.calls().incrementAndGet();
    switch (rule.mode()) {
      case BLOCK -> throw new InjectedFailure(step + " of " + orderId + " is blocked");
      case HOLD_FIRST -> {
        if (call == 1) {
          try {
            if (!rule.release().await(60, TimeUnit.SECONDS)) {
              throw new InjectedFailure(step + " of " + orderId + " was never released");
            }
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InjectedFailure("interrupted");
          }
        }
      }
      case FAIL_ONCE_AFTER_EFFECT -> {}
    }
  }

  void after(Step step, Object orderId) {
    effects.computeIfAbsent(key(step, orderId, null), k -> new AtomicInteger()).incrementAndGet();
    Rule rule = rules.get(key(step, orderId, null));
    if (rule != null && rule.mode() == Mode.FAIL_ONCE_AFTER_EFFECT && rule.calls().get() == 1) {
      throw new InjectedFailure(step + " of " + orderId + ": connection reset after the effect");
    }
  }
}
