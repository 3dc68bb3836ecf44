package io.orderhub.app.intake;

import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** {@link IntakeUnavailable} as REST answers it: 503 with Retry-After, nothing accepted. */
@RestControllerAdvice
class IntakeProblems {

  static final URI INTAKE_UNAVAILABLE = URI.create("urn:orderhub:problem:intake-unavailable");
  private static final Logger LOG = LoggerFactory.getLogger(IntakeProblems.class);

  private final long retryAfterSeconds;

  IntakeProblems(IntakeProperties properties) {
    this.retryAfterSeconds = Math.max(1, properties.retryAfter().toSeconds());
  }

  @ExceptionHandler(IntakeUnavailable.class)
  ResponseEntity<ProblemDetail> intakeUnavailable(IntakeUnavailable e) {
    LOG.warn("Intake unavailable: {}", e.getMessage());
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.SERVICE_UNAVAILABLE,
            "The order intake could not store the request durably; nothing was accepted. Repeat"
                + " the request (with the same Idempotency-Key) after Retry-After seconds");
    problem.setType(INTAKE_UNAVAILABLE);
    problem.setTitle("Order intake unavailable");
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfterSeconds))
        .body(problem);
  }
}
