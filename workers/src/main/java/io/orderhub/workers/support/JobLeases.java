package io.orderhub.workers.support;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobHandler;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Short job timeouts that do not cut off real work. A job is activated with a timeout sized to the
 * work (seconds, {@code camunda.client.worker.defaults.timeout}), so when the application dies
 * ({@code kill -9}) the engine hands its jobs to the next worker seconds later, not minutes. A
 * handler that really is busy longer keeps its job: while it runs, the job's timeout is renewed
 * every half timeout ({@code UpdateJobTimeout}), up to {@code maxLease} in all — a handler stuck
 * for longer than that loses the job to another worker, as it should.
 *
 * <p>One scheduler thread serves every worker. Thread-safe.
 */
public final class JobLeases implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(JobLeases.class);

  private final ScheduledExecutorService renewals =
      Executors.newSingleThreadScheduledExecutor(
          Thread.ofPlatform().name("job-lease-renewal").daemon().factory());
  private final Duration maxLease;

  public JobLeases(Duration maxLease) {
    this.maxLease = maxLease;
  }

  /**
   * {@code handler}, with its job's timeout renewed by {@code timeout} through {@code client} while
   * it runs.
   */
  public JobHandler extending(JobHandler handler, CamundaClient client, Duration timeout) {
    long periodMillis = Math.max(100, timeout.toMillis() / 2);
    return (jobClient, job) -> {
      long started = System.nanoTime();
      ScheduledFuture<?> renewal =
          renewals.scheduleAtFixedRate(
              () -> renew(client, job, timeout, started),
              periodMillis,
              periodMillis,
              TimeUnit.MILLISECONDS);
      try {
        handler.handle(jobClient, job);
      } finally {
        renewal.cancel(false);
      }
    };
  }

  private void renew(CamundaClient client, ActivatedJob job, Duration timeout, long started) {
    if (Duration.ofNanos(System.nanoTime() - started).compareTo(maxLease) > 0) {
      return; // stuck, not busy: let the timeout hand the job to another worker
    }
    try {
      client
          .newUpdateTimeoutCommand(job.getKey())
          .timeout(timeout)
          .send()
          .whenComplete(
              (ok, failure) -> {
                if (failure != null) {
                  // one line, no stack trace: the job may simply be gone (its order cancelled)
                  LOG.info(
                      "Could not extend job {} ({}): {}", job.getKey(), job.getType(), failure);
                }
              });
    } catch (RuntimeException e) {
      // a periodic task that throws is never run again: log, and try at the next period
      LOG.warn("Could not extend job {} ({}): {}", job.getKey(), job.getType(), e.toString());
    }
  }

  @Override
  public void close() {
    renewals.shutdownNow();
  }
}
