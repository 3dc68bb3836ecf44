package io.orderhub.engine.feel;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Bounds the time of one FEEL evaluation. The feel-engine checks {@link Thread#interrupted()} at
 * every node it evaluates, so a watchdog that interrupts the evaluating thread once the budget is
 * spent ends even an endless {@code for} loop with an {@link InterruptedException}.
 *
 * <p>An interrupt is only ever delivered while the evaluation that asked for it is still running:
 * the watchdog and {@link Running#close()} synchronize on the budget, and {@code close} clears the
 * interrupt flag, so a late interrupt can never reach the processing thread's other work (its inbox
 * poll, a journal append).
 *
 * <p>Thread-safety: {@link #start()} may be called from any thread, one evaluation per thread at a
 * time; evaluations on several threads are watched together.
 */
public final class EvaluationBudget {

  private static final long REPEAT_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

  private final long budgetNanos;
  private final Thread watchdog;
  private final java.util.Set<Running> running = new java.util.HashSet<>();

  public EvaluationBudget(Duration budget) {
    this.budgetNanos = budget.toNanos();
    this.watchdog = Thread.ofPlatform().daemon().name("feel-budget").unstarted(this::watch);
    watchdog.start();
  }

  public Duration budget() {
    return Duration.ofNanos(budgetNanos);
  }

  /** Starts the clock for an evaluation on the calling thread; close it when it ends. */
  public synchronized Running start() {
    Running started = new Running(Thread.currentThread(), System.nanoTime() + budgetNanos);
    running.add(started);
    notifyAll();
    return started;
  }

  private void watch() {
    while (true) {
      try {
        synchronized (this) {
          while (running.isEmpty()) {
            wait();
          }
          long now = System.nanoTime();
          long nextDeadline = Long.MAX_VALUE;
          for (Running evaluation : running) {
            if (evaluation.deadline - now <= 0) {
              // again and again until it ends: a library may swallow one interrupt
              evaluation.exceeded = true;
              evaluation.owner.interrupt();
              nextDeadline = Math.min(nextDeadline, now + REPEAT_NANOS);
            } else {
              nextDeadline = Math.min(nextDeadline, evaluation.deadline);
            }
          }
          TimeUnit.NANOSECONDS.timedWait(this, Math.max(1, nextDeadline - now));
        }
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /** One evaluation under the budget. */
  public final class Running implements AutoCloseable {
    private final Thread owner;
    private final long deadline;
    private volatile boolean exceeded;

    private Running(Thread owner, long deadline) {
      this.owner = owner;
      this.deadline = deadline;
    }

    /** Whether the watchdog stopped this evaluation. */
    public boolean exceeded() {
      return exceeded;
    }

    @Override
    public void close() {
      synchronized (EvaluationBudget.this) {
        running.remove(this);
      }
      if (exceeded) {
        // the interrupt was meant for the evaluation only
        Thread.interrupted();
      }
    }
  }
}
