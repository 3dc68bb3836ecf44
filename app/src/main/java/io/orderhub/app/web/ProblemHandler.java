package io.orderhub.app.web;

import io.orderhub.app.order.IdempotencyKeyReused;
import io.orderhub.app.payment.ContradictoryCallback;
import io.orderhub.app.payment.PaymentNotFound;
import io.orderhub.app.payment.UnauthenticatedCallback;
import io.orderhub.app.process.EngineUnavailable;
import io.orderhub.app.stock.SkuNotFound;
import io.orderhub.domain.order.application.OrderNotFound;
import io.orderhub.domain.order.model.IllegalOrderTransition;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;

/**
 * Every error of the REST API as an RFC 7807 problem. Validation problems list the offending fields
 * in {@code errors} ({@code [{field, message}]}); an illegal transition names the order's {@code
 * currentState}. Spring MVC's own failures (unreadable body, wrong method, unknown path …) are
 * problems too, through {@link ResponseEntityExceptionHandler}.
 */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

  private static final Logger LOG = LoggerFactory.getLogger(ProblemHandler.class);

  @ExceptionHandler(InvalidRequest.class)
  ProblemDetail invalid(InvalidRequest e) {
    return validationProblem(e.violations());
  }

  @ExceptionHandler(OrderNotFound.class)
  ProblemDetail orderNotFound(OrderNotFound e) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "There is no order " + e.orderId());
    problem.setType(ProblemTypes.NOT_FOUND);
    problem.setTitle("Order not found");
    problem.setProperty("orderId", e.orderId().asString());
    return problem;
  }

  @ExceptionHandler(PaymentNotFound.class)
  ProblemDetail paymentNotFound(PaymentNotFound e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    problem.setType(ProblemTypes.NOT_FOUND);
    problem.setTitle("Payment not found");
    problem.setProperty("paymentId", e.paymentId());
    return problem;
  }

  @ExceptionHandler(UnauthenticatedCallback.class)
  ProblemDetail unauthenticatedCallback(UnauthenticatedCallback e) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.UNAUTHORIZED, "The callback is not authenticated: " + e.getMessage());
    problem.setType(ProblemTypes.UNAUTHENTICATED_CALLBACK);
    problem.setTitle("Callback signature refused");
    return problem;
  }

  @ExceptionHandler(ContradictoryCallback.class)
  ProblemDetail contradictoryCallback(ContradictoryCallback e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
    problem.setType(ProblemTypes.CONTRADICTORY_CALLBACK);
    problem.setTitle("Callback contradicts an earlier answer");
    problem.setProperty("paymentId", e.paymentId());
    problem.setProperty("paymentStatus", e.paymentStatus());
    return problem;
  }

  @ExceptionHandler(SkuNotFound.class)
  ProblemDetail skuNotFound(SkuNotFound e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    problem.setType(ProblemTypes.NOT_FOUND);
    problem.setTitle("SKU not found");
    problem.setProperty("sku", e.sku());
    return problem;
  }

  @ExceptionHandler(IllegalOrderTransition.class)
  ProblemDetail illegalTransition(IllegalOrderTransition e) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.CONFLICT,
            "Order "
                + e.orderId()
                + " is "
                + e.current()
                + " and cannot "
                + e.attempted().verb()
                + " from there");
    problem.setType(ProblemTypes.ILLEGAL_TRANSITION);
    problem.setTitle("Not allowed in the order's current state");
    problem.setProperty("orderId", e.orderId().asString());
    problem.setProperty("currentState", e.current().name());
    problem.setProperty("attempted", e.attempted().target().name());
    problem.setProperty(
        "allowedNext", e.current().allowedNext().stream().map(Enum::name).sorted().toList());
    return problem;
  }

  @ExceptionHandler(IdempotencyKeyReused.class)
  ProblemDetail keyReused(IdempotencyKeyReused e) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.UNPROCESSABLE_CONTENT,
            "The Idempotency-Key was used before for an order with other content: "
                + e.getMessage());
    problem.setType(ProblemTypes.IDEMPOTENCY_KEY_REUSED);
    problem.setTitle("Idempotency key reused");
    problem.setProperty("existingOrderId", e.existingOrderId().asString());
    problem.setProperty(
        "errors",
        List.of(new FieldViolation("Idempotency-Key", "was used for another order's content")));
    return problem;
  }

  @ExceptionHandler(EngineUnavailable.class)
  ResponseEntity<ProblemDetail> engineUnavailable(EngineUnavailable e) {
    LOG.warn("Engine unavailable: {}", e.getMessage());
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.SERVICE_UNAVAILABLE,
            "The change is recorded, but the process engine could not be told; repeat the request");
    problem.setType(ProblemTypes.ENGINE_UNAVAILABLE);
    problem.setTitle("Process engine unavailable");
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header(HttpHeaders.RETRY_AFTER, "5")
        .body(problem);
  }

  @Override
  protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    List<FieldViolation> violations = new ArrayList<>();
    for (FieldError error : ex.getBindingResult().getFieldErrors()) {
      violations.add(new FieldViolation(error.getField(), message(error)));
    }
    ex.getBindingResult()
        .getGlobalErrors()
        .forEach(error -> violations.add(new FieldViolation("", message(error))));
    return ResponseEntity.badRequest().body(validationProblem(violations));
  }

  @Override
  protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(
      HandlerMethodValidationException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    List<FieldViolation> violations = new ArrayList<>();
    ex.getParameterValidationResults()
        .forEach(
            result ->
                result
                    .getResolvableErrors()
                    .forEach(
                        error ->
                            violations.add(
                                new FieldViolation(
                                    result.getMethodParameter().getParameterName(),
                                    message(error)))));
    return ResponseEntity.badRequest().body(validationProblem(violations));
  }

  @Override
  protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    // no Jackson failure in the chain: the body is missing (or not JSON at all)
    String field = "";
    String message = "a JSON body of the documented shape is required";
    for (Throwable t = ex; t != null; t = t.getCause()) {
      if (t instanceof JacksonException jackson) {
        field = path(jackson);
        message =
            field.isEmpty()
                ? "the body is not valid JSON: " + jackson.getOriginalMessage()
                : "has the wrong type or format";
        break;
      }
    }
    return ResponseEntity.badRequest()
        .body(validationProblem(List.of(new FieldViolation(field, message))));
  }

  private static String path(JacksonException e) {
    StringBuilder path = new StringBuilder();
    for (JacksonException.Reference reference : e.getPath()) {
      if (reference.getPropertyName() != null) {
        if (!path.isEmpty()) {
          path.append('.');
        }
        path.append(reference.getPropertyName());
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  private static String message(MessageSourceResolvable error) {
    String message = error.getDefaultMessage();
    if (message == null && error instanceof DefaultMessageSourceResolvable resolvable) {
      message = resolvable.getCode();
    }
    return message == null ? "is invalid" : message;
  }

  static ProblemDetail validationProblem(List<FieldViolation> violations) {
    List<FieldViolation> sorted =
        violations.stream()
            .sorted(
                Comparator.comparing(FieldViolation::field).thenComparing(FieldViolation::message))
            .toList();
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_REQUEST,
            "Invalid "
                + String.join(
                    ", ",
                    sorted.stream()
                        .map(v -> v.field().isEmpty() ? "request" : v.field())
                        .distinct()
                        .toList()));
    problem.setType(ProblemTypes.VALIDATION);
    problem.setTitle("Invalid request");
    problem.setProperty("errors", sorted);
    return problem;
  }
}
