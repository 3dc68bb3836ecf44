package io.orderhub.app.order;

import io.orderhub.app.web.ControlCharacters;
import io.orderhub.app.web.FieldViolation;
import io.orderhub.app.web.InvalidRequest;
import io.orderhub.domain.order.application.PlaceOrder;
import io.orderhub.domain.order.model.CustomerId;
import io.orderhub.domain.order.model.IdempotencyKey;
import io.orderhub.domain.order.model.OrderLine;
import io.orderhub.domain.order.model.OrderValidation;
import io.orderhub.domain.order.model.ShippingAddress;
import io.orderhub.domain.shared.model.Money;
import io.orderhub.domain.shared.model.OrderId;
import io.orderhub.domain.shared.model.Sku;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * Turns a shape-valid {@link CreateOrderRequest} into the domain's {@link PlaceOrder}, checking the
 * rules that span fields and naming every offending field ({@link InvalidRequest}).
 *
 * <p>The order id is derived from (customer, idempotency key): a retried submission carries the
 * same id, which is what lets the domain recognise it as the same order.
 */
public final class OrderRequests {

  private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

  /** The domain's limit: larger orders would be rejected by validation, so refuse them now. */
  static final BigDecimal MAX_TOTAL = OrderValidation.DEFAULT.maxTotal();

  private OrderRequests() {}

  /** The order id of a submission: a name-based UUID of customer and idempotency key. */
  public static OrderId orderIdOf(CustomerId customer, IdempotencyKey key) {
    String name = "orderhub:order:" + customer.value() + "\n" + key.value();
    return new OrderId(UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * @param field how the caller names the key (a header in REST, a field in gRPC)
   * @throws InvalidRequest when the key is missing or malformed
   */
  public static IdempotencyKey idempotencyKey(String raw, String field) {
    if (raw == null || raw.isBlank()) {
      throw InvalidRequest.of(field, "is required: a key of your choice, new for every order");
    }
    if (raw.length() > 128 || !raw.strip().equals(raw) || ControlCharacters.contains(raw)) {
      throw InvalidRequest.of(
          field, "must be 1-128 characters without surrounding blanks or control characters");
    }
    return IdempotencyKey.of(raw);
  }

  /**
   * @throws InvalidRequest naming each field that breaks a rule
   */
  public static PlaceOrder toCommand(CreateOrderRequest request, IdempotencyKey key) {
    List<FieldViolation> violations = new ArrayList<>(ControlCharacters.in(request));
    List<OrderLine> lines = new ArrayList<>();
    Set<String> skus = new HashSet<>();
    Currency orderCurrency = null;
    for (int i = 0; i < request.lines().size(); i++) {
      CreateOrderRequest.Line line = request.lines().get(i);
      String path = "lines[" + i + "]";
      Currency currency = currency(line.currency());
      if (currency == null) {
        violations.add(new FieldViolation(path + ".currency", "is not an ISO 4217 currency"));
        continue;
      }
      if (orderCurrency == null) {
        orderCurrency = currency;
      } else if (!orderCurrency.equals(currency)) {
        violations.add(
            new FieldViolation(
                path + ".currency",
                "must be the order's currency " + orderCurrency + " (that of lines[0])"));
      }
      if (!skus.add(line.sku())) {
        violations.add(
            new FieldViolation(path + ".sku", "appears on another line; order each SKU once"));
      }
      int minorUnits = Math.max(currency.getDefaultFractionDigits(), 0);
      if (line.unitPrice().stripTrailingZeros().scale() > minorUnits) {
        violations.add(
            new FieldViolation(
                path + ".unitPrice",
                "must have at most " + minorUnits + " decimals in " + currency));
        continue;
      }
      lines.add(
          new OrderLine(
              Sku.of(line.sku()), line.quantity(), new Money(line.unitPrice(), currency)));
    }
    if (violations.isEmpty() && !lines.isEmpty()) {
      BigDecimal total =
          lines.stream().map(l -> l.total().amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
      if (total.compareTo(MAX_TOTAL) > 0) {
        violations.add(
            new FieldViolation(
                "lines",
                "add up to a total of "
                    + total.toPlainString()
                    + ", above the limit of "
                    + MAX_TOTAL.toPlainString()));
      }
    }
    CreateOrderRequest.Address address = request.shippingAddress();
    if (!COUNTRIES.contains(address.countryCode())) {
      violations.add(
          new FieldViolation("shippingAddress.countryCode", "is not an ISO 3166-1 country code"));
    }
    if (!violations.isEmpty()) {
      throw new InvalidRequest(violations);
    }
    CustomerId customer = CustomerId.of(request.customerId());
    try {
      return new PlaceOrder(
          orderIdOf(customer, key),
          customer,
          key,
          lines,
          new ShippingAddress(
              address.recipient(),
              address.street(),
              address.city(),
              address.postalCode(),
              address.countryCode()));
    } catch (IllegalArgumentException e) {
      // the shape checks above mirror the domain's; this only fires if the two drift apart
      throw InvalidRequest.of("", e.getMessage());
    }
  }

  private static Currency currency(String code) {
    try {
      return Currency.getInstance(code);
    } catch (IllegalArgumentException | NullPointerException e) {
      return null;
    }
  }
}
