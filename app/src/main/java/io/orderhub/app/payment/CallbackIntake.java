package io.orderhub.app.payment;

import io.orderhub.app.web.ControlCharacters;
import io.orderhub.app.web.FieldViolation;
import io.orderhub.app.web.InvalidRequest;
import io.orderhub.app.web.JsonFieldPath;
import io.orderhub.domain.payment.model.PaymentCallback;
import io.orderhub.domain.payment.model.PaymentId;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one way a payment callback gets in — the webhook's and the local simulator's alike: the
 * signature over the raw bytes is checked first (nothing of an unauthenticated body is even
 * parsed), then the body is read strictly and validated, then {@link PaymentCallbacks} applies it.
 *
 * <p>Thread-safe.
 */
public class CallbackIntake {

  private static final Logger LOG = LoggerFactory.getLogger(CallbackIntake.class);

  private final WebhookSignature signature;
  private final JsonMapper json;
  private final Validator validator;
  private final PaymentCallbacks callbacks;

  public CallbackIntake(
      WebhookSignature signature,
      JsonMapper json,
      Validator validator,
      PaymentCallbacks callbacks) {
    this.signature = signature;
    this.json = json;
    this.validator = validator;
    this.callbacks = callbacks;
  }

  /**
   * @throws UnauthenticatedCallback when the signature is missing, wrong or stale
   * @throws InvalidRequest when the body is not a valid callback
   * @throws PaymentNotFound when no payment has the callback's id
   * @throws ContradictoryCallback when it contradicts the provider's earlier answer
   */
  public PaymentCallbacks.Handled receive(String signatureHeader, byte[] body) {
    return callbacks.handle(authenticate(signatureHeader, body));
  }

  /**
   * Checks the signature and reads the callback, without applying it (for a queue that applies it
   * later).
   *
   * @throws UnauthenticatedCallback when the signature is missing, wrong or stale
   * @throws InvalidRequest when the body is not a valid callback
   */
  public PaymentCallback authenticate(String signatureHeader, byte[] body) {
    try {
      signature.verify(signatureHeader, body);
    } catch (UnauthenticatedCallback e) {
      LOG.warn("Refused an unauthenticated payment callback: {}", e.getMessage());
      throw e;
    }
    PaymentCallbackController.CallbackRequest request;
    try {
      request = json.readValue(body, PaymentCallbackController.CallbackRequest.class);
    } catch (JacksonException e) {
      throw JsonFieldPath.invalid(e);
    }
    if (request == null) {
      throw InvalidRequest.of("", "a JSON body of the documented shape is required");
    }
    validate(request);
    return new PaymentCallback(
        PaymentId.of(request.paymentId()),
        PaymentCallback.Status.valueOf(request.status()),
        request.providerReference());
  }

  private void validate(PaymentCallbackController.CallbackRequest request) {
    List<FieldViolation> violations = new ArrayList<>(ControlCharacters.in(request));
    Set<ConstraintViolation<PaymentCallbackController.CallbackRequest>> found =
        validator.validate(request);
    found.forEach(
        v -> violations.add(new FieldViolation(v.getPropertyPath().toString(), v.getMessage())));
    if (!violations.isEmpty()) {
      throw new InvalidRequest(violations);
    }
  }
}
