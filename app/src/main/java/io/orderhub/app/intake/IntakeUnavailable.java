package io.orderhub.app.intake;

/**
 * The intake topic did not acknowledge an order in time (broker down or unreachable). Nothing was
 * acknowledged to the client; the same request, repeated, is safe (REST 503 with Retry-After).
 */
public class IntakeUnavailable extends RuntimeException {

  public IntakeUnavailable(String message, Throwable cause) {
    super(message, cause);
  }
}
