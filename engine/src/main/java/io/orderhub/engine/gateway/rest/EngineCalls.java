package io.orderhub.engine.gateway.rest;

import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Waits for engine futures on the exchange's virtual thread, bounded, so that no exchange is left
 * without an answer even if the engine never completes a future.
 */
final class EngineCalls {

  /** Ceiling for ordinary commands; the client itself gives up after 10 s by default. */
  static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(30);

  /** Slack on top of a request's own timeout, for the engine to answer at that timeout. */
  static final Duration GRACE = Duration.ofSeconds(5);

  private EngineCalls() {}

  static <T> T await(CompletableFuture<T> future, Duration limit) throws InterruptedException {
    try {
      return future.get(limit.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      // Tell the engine nobody waits any more (e.g. a long poll should not activate jobs now).
      future.cancel(false);
      throw RestProblem.deadlineExceeded(
          "The engine did not answer within " + limit.toMillis() + " ms");
    } catch (ExecutionException e) {
      throw rethrowable(e.getCause());
    } catch (CancellationException e) {
      throw new RestProblem(503, "UNAVAILABLE", "The engine cancelled the request");
    }
  }

  private static RuntimeException rethrowable(Throwable cause) {
    Throwable unwrapped = cause;
    while (unwrapped instanceof CompletionException && unwrapped.getCause() != null) {
      unwrapped = unwrapped.getCause();
    }
    if (unwrapped instanceof TimeoutException) {
      return RestProblem.deadlineExceeded("The request timed out: " + unwrapped.getMessage());
    }
    if (unwrapped instanceof RuntimeException runtime) {
      return runtime;
    }
    return new IllegalStateException("engine failure", unwrapped);
  }
}
