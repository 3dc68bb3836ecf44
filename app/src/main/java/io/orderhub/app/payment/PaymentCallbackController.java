package io.orderhub.app.payment;

import io.orderhub.domain.payment.model.PaymentCallback;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/payments/callbacks}: the payment provider's webhook. */
@RestController
@RequestMapping("/api/payments/callbacks")
@Tag(name = "payments")
public class PaymentCallbackController {

  private static final String UUID =
      "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";

  private final CallbackIntake intake;

  public PaymentCallbackController(CallbackIntake intake) {
    this.intake = intake;
  }

  // present only in orderhub.intake.mode=kafka
  private CallbackQueue queue;

  @org.springframework.beans.factory.annotation.Autowired(required = false)
  void callbackQueue(CallbackQueue queue) {
    this.queue = queue;
  }

  /** The provider's answer to a charge. */
  public record CallbackRequest(
      @NotBlank @Pattern(regexp = UUID, message = "must be a payment id (a UUID)") String paymentId,
      @Schema(allowableValues = {"CONFIRMED", "DECLINED"})
          @NotNull
          @Pattern(regexp = "CONFIRMED|DECLINED", message = "must be CONFIRMED or DECLINED")
          String status,
      @NotBlank @Size(max = 200) String providerReference) {}

  /** What became of the callback. */
  public record CallbackResponse(
      String paymentId, String orderId, String paymentStatus, String outcome) {}

  @PostMapping(consumes = MediaType.ALL_VALUE)
  @Operation(
      summary = "A payment provider's callback, signed",
      description =
          "Header "
              + WebhookSignature.HEADER
              + ": t=<unix seconds>,v1=<hex HMAC-SHA256 over \"<t>.<raw body>\" keyed with the"
              + " shared secret orderhub.payment.webhook.secret>. Callbacks signed more than 5"
              + " minutes from now are replays and refused. Applies the answer to the payment and"
              + " tells the order's process (PaymentConfirmed / PaymentFailed). Duplicates are"
              + " acknowledged with 200 and never correlate twice; an answer contradicting an"
              + " earlier one (DECLINED after CONFIRMED) is refused with 409.",
      requestBody =
          @io.swagger.v3.oas.annotations.parameters.RequestBody(
              required = true,
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON_VALUE,
                      schema = @Schema(implementation = CallbackRequest.class))))
  @ApiResponse(responseCode = "200", description = "applied, or a duplicate (outcome DUPLICATE)")
  @ApiResponse(responseCode = "400", description = "invalid body; errors name the fields")
  @ApiResponse(responseCode = "401", description = "signature missing, wrong or too old")
  @ApiResponse(responseCode = "404", description = "no such payment")
  @ApiResponse(
      responseCode = "409",
      description = "contradicts the provider's earlier answer for the payment")
  @ApiResponse(
      responseCode = "202",
      description =
          "orderhub.intake.mode=kafka: authenticated and queued on payments.callbacks"
              + " (outcome QUEUED); applied shortly")
  @ApiResponse(
      responseCode = "503",
      description = "orderhub.intake.mode=kafka: the queue cannot take it now; repeat it")
  public ResponseEntity<CallbackResponse> callback(
      @Parameter(
              in = ParameterIn.HEADER,
              required = true,
              description = "t=<unix seconds>,v1=<hex HMAC-SHA256>")
          @RequestHeader(name = WebhookSignature.HEADER, required = false)
          String signature,
      @RequestBody(required = false) byte[] body) {
    byte[] raw = body == null ? new byte[0] : body;
    if (queue != null) {
      // the signature is checked here, at the edge: only authenticated callbacks reach the topic
      PaymentCallback callback = intake.authenticate(signature, raw);
      queue.enqueue(callback);
      return ResponseEntity.accepted()
          .body(
              new CallbackResponse(
                  callback.paymentId().asString(), null, callback.status().name(), "QUEUED"));
    }
    PaymentCallbacks.Handled handled = intake.receive(signature, raw);
    return ResponseEntity.ok(
        new CallbackResponse(
            handled.payment().paymentId().asString(),
            handled.payment().orderId().asString(),
            handled.payment().status().name(),
            handled.duplicate() ? "DUPLICATE" : "APPLIED"));
  }
}
