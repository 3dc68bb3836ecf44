package io.orderhub.engine.robustness;

import io.camunda.client.CamundaClient;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs instances of a start-to-end process one after another and records the longest wait for one:
 * how long other instances stall while something hostile runs.
 */
final class StallProbe implements AutoCloseable {

  private final AtomicBoolean running = new AtomicBoolean(true);
  private final AtomicLong worstNanos = new AtomicLong();
  private final AtomicLong completed = new AtomicLong();
  private final Thread thread;
  private volatile Throwable failure;

  StallProbe(CamundaClient client, String bpmnProcessId) {
    thread =
        Thread.ofPlatform()
            .name("stall-probe")
            .start(
                () -> {
                  while (running.get()) {
                    long started = System.nanoTime();
                    try {
                      client
                          .newCreateInstanceCommand()
                          .bpmnProcessId(bpmnProcessId)
                          .latestVersion()
                          .withResult()
                          .send()
                          .join();
                    } catch (RuntimeException e) {
                      failure = e;
                      return;
                    }
                    worstNanos.accumulateAndGet(System.nanoTime() - started, Math::max);
                    completed.incrementAndGet();
                  }
                });
  }

  long completed() {
    return completed.get();
  }

  Duration worst() {
    return Duration.ofNanos(worstNanos.get());
  }

  /** Stops probing and returns the worst wait; fails if a probe instance failed. */
  Duration stop() throws InterruptedException {
    running.set(false);
    thread.join(30_000);
    if (failure != null) {
      throw new AssertionError(
          "Expected every probe instance to complete, but one failed", failure);
    }
    return worst();
  }

  @Override
  public void close() throws InterruptedException {
    running.set(false);
    thread.join(30_000);
  }
}
