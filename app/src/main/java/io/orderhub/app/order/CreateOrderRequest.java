package io.orderhub.app.order;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;

/**
 * The body of {@code POST /api/orders} (and the content of a gRPC {@code CreateOrder}). Bean
 * Validation checks the shape (a quantity of 1-999, a positive price); {@link OrderRequests} the
 * rules across fields (one currency, each SKU once, known currency and country codes, no control
 * characters, a total within the limit) and {@link OrderUseCases} that each SKU is known.
 */
public record CreateOrderRequest(
    @Schema(example = "customer-42")
        @NotBlank
        @Size(max = 64)
        @Pattern(regexp = TOKEN, message = TOKEN_MESSAGE)
        String customerId,
    @NotEmpty @Size(max = 100) List<@NotNull @Valid Line> lines,
    @NotNull @Valid Address shippingAddress) {

  static final String TOKEN = "\\S(.*\\S)?";
  static final String TOKEN_MESSAGE = "must not start or end with blanks";

  /** One order line. */
  public record Line(
      @Schema(example = "SKU-1001")
          @NotBlank
          @Size(max = 64)
          @Pattern(regexp = TOKEN, message = TOKEN_MESSAGE)
          String sku,
      @Schema(example = "2", minimum = "1", maximum = "999") @NotNull @Positive @Max(999)
          Integer quantity,
      @Schema(example = "12.50")
          @NotNull
          @DecimalMin(value = "0", inclusive = false)
          @Digits(integer = 15, fraction = 4)
          BigDecimal unitPrice,
      @Schema(example = "EUR")
          @NotNull
          @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR")
          String currency) {}

  /** Where the parcels go. */
  public record Address(
      @Schema(example = "Ada Lovelace") @NotBlank @Size(max = 200) String recipient,
      @Schema(example = "1 Analytical Street") @NotBlank @Size(max = 200) String street,
      @Schema(example = "London") @NotBlank @Size(max = 100) String city,
      @Schema(example = "N1 9GU")
          @NotBlank
          @Size(max = 20)
          @Pattern(regexp = TOKEN, message = TOKEN_MESSAGE)
          String postalCode,
      @Schema(example = "GB")
          @NotNull
          @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code such as DE")
          String countryCode) {}
}
