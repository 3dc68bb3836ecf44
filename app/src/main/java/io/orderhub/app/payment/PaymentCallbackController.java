package io.orderhub.app.payment;

import io.orderhub.domain.payment.model.PaymentCallback;
import io.orderhub.domain.payment.model.PaymentId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/payments/callbacks}: the payment provider's webhook. */
@RestController
@RequestMapping("/api/payments/callbacks")
@Tag(name = "payments")
public class PaymentCallbackController {

  private static final String UUID =
      "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";

  private final PaymentCallbacks callbacks;

  public PaymentCallbackController(PaymentCallbacks callbacks) {
    this.callbacks = callbacks;
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

  @PostMapping
  @Operation(
      summary = "A payment provider's callback",
      description =
          "Applies the answer to the payment and tells the order's process (PaymentConfirmed /"
              + " PaymentFailed). Duplicates are acknowledged with 200 and never correlate twice.")
  @ApiResponse(responseCode = "200", description = "applied, or a duplicate (outcome DUPLICATE)")
  @ApiResponse(responseCode = "404", description = "no such payment")
  public CallbackResponse callback(@Valid @RequestBody CallbackRequest request) {
    PaymentCallbacks.Handled handled =
        callbacks.handle(
            new PaymentCallback(
                PaymentId.of(request.paymentId()),
                PaymentCallback.Status.valueOf(request.status()),
                request.providerReference()));
    return new CallbackResponse(
        handled.payment().paymentId().asString(),
        handled.payment().orderId().asString(),
        handled.payment().status().name(),
        handled.duplicate() ? "DUPLICATE" : "APPLIED");
  }
}
