package io.orderhub.domain.resilience;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * A bulkhead, a circuit breaker and a time limit around the calls to one dependency.
 *
 * <p>The call runs on a virtual thread of the guard's own, so the caller's wait is really bounded
 * by {@link GuardSettings#timeout()}: on time-out the call is interrupted and the caller gets a
 * {@link DependencyUnavailable}. The bulkhead's permit is released only when the call itself ends —
 * a dependency that hangs fills the bulkhead and further calls are refused at once instead of
 * stacking up threads. Time-outs and exceptions count as failures for the breaker; {@link
 * IllegalArgumentException} and {@link IllegalStateException} do not (they are contract violations,
 * not a sign of an unhealthy dependency). Thread-safe; {@link #close()} stops the threads.
 */
public class Guard implements AutoCloseable {

  private static final Duration REFUSED_RETRY_AFTER = Duration.ofSeconds(1);

  private final String name;
  private final GuardSettings settings;
  private final CircuitBreaker breaker;
  private final Bulkhead bulkhead;
  private final TimeLimiter timeLimiter;
  private final ExecutorService calls;

  public Guard(String name, GuardSettings settings) {
    this.name = Objects.requireNonNull(name, "name");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.breaker =
        CircuitBreaker.of(
            name,
            CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(settings.slidingWindowSize())
                .minimumNumberOfCalls(settings.minimumCalls())
                .failureRateThreshold(settings.failureRateThreshold())
                .waitDurationInOpenState(settings.waitInOpenState())
                .permittedNumberOfCallsInHalfOpenState(settings.callsInHalfOpenState())
                // the router must see a recovered breaker without a call having to hit it first
                .automaticTransitionFromOpenToHalfOpenEnabled(true)
                .ignoreExceptions(
                    IllegalArgumentException.class,
                    IllegalStateException.class,
                    DependencyUnavailable.class)
                .build());
    this.bulkhead =
        Bulkhead.of(
            name,
            BulkheadConfig.custom()
                .maxConcurrentCalls(settings.maxConcurrentCalls())
                .maxWaitDuration(Duration.ZERO)
                .build());
    this.timeLimiter =
        TimeLimiter.of(
            name,
            TimeLimiterConfig.custom()
                .timeoutDuration(settings.timeout())
                .cancelRunningFuture(true)
                .build());
    this.calls =
        Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("guard-" + name + "-", 0).factory());
  }

  public String name() {
    return name;
  }

  public GuardSettings settings() {
    return settings;
  }

  /** The breaker's state, for routing and metrics. */
  public CircuitBreaker.State state() {
    return breaker.getState();
  }

  /** Whether the breaker lets calls through now (closed or half-open). */
  public boolean permitsCalls() {
    CircuitBreaker.State state = breaker.getState();
    return state != CircuitBreaker.State.OPEN && state != CircuitBreaker.State.FORCED_OPEN;
  }

  /** Calls in flight, including ones whose caller has given up but which have not ended yet. */
  public int callsInFlight() {
    return settings.maxConcurrentCalls() - bulkhead.getMetrics().getAvailableConcurrentCalls();
  }

  public void run(Runnable call) {
    call(
        () -> {
          call.run();
          return null;
        });
  }

  /**
   * Makes the call under the guard.
   *
   * @throws DependencyUnavailable when the breaker is open, the bulkhead full, or the call did not
   *     answer within the timeout
   * @throws RuntimeException what the call threw, unchanged
   */
  public <T> T call(Supplier<T> call) {
    Objects.requireNonNull(call, "call");
    try {
      return breaker.executeCallable(() -> limited(call));
    } catch (CallNotPermittedException open) {
      throw new DependencyUnavailable(
          name,
          DependencyUnavailable.Reason.CIRCUIT_OPEN,
          settings.waitInOpenState(),
          "Expected to call "
              + name
              + ", but its circuit breaker is "
              + breaker.getState()
              + " after too many failures; trying again later",
          open);
    } catch (TimeoutException late) {
      throw new DependencyUnavailable(
          name,
          DependencyUnavailable.Reason.TIMED_OUT,
          REFUSED_RETRY_AFTER,
          "Expected " + name + " to answer within " + settings.timeout() + ", but it did not",
          late);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(
          "Expected to wait for " + name + "'s answer, but the caller was interrupted",
          interrupted);
    } catch (RuntimeException | Error passedOn) {
      throw passedOn;
    } catch (Exception checked) {
      throw new IllegalStateException(
          "Expected " + name + " to answer or fail unchecked, but it threw " + checked, checked);
    }
  }

  private <T> T limited(Supplier<T> call) throws Exception {
    if (!bulkhead.tryAcquirePermission()) {
      throw new DependencyUnavailable(
          name,
          DependencyUnavailable.Reason.BULKHEAD_FULL,
          REFUSED_RETRY_AFTER,
          "Expected to call "
              + name
              + ", but "
              + settings.maxConcurrentCalls()
              + " calls are in flight already",
          null);
    }
    Future<T> running;
    try {
      running = calls.submit(released(call));
    } catch (RejectedExecutionException closed) {
      bulkhead.onComplete();
      throw new IllegalStateException(
          "Expected to call " + name + ", but its guard is closed", closed);
    }
    return timeLimiter.executeFutureSupplier(() -> running);
  }

  private <T> Callable<T> released(Supplier<T> call) {
    return () -> {
      try {
        return call.get();
      } finally {
        bulkhead.onComplete();
      }
    };
  }

  @Override
  public void close() {
    calls.shutdownNow();
  }
}
