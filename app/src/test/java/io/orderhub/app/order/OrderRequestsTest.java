package io.orderhub.app.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.orderhub.app.web.FieldViolation;
import io.orderhub.app.web.InvalidRequest;
import io.orderhub.domain.order.application.PlaceOrder;
import io.orderhub.domain.order.model.CustomerId;
import io.orderhub.domain.order.model.IdempotencyKey;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrderRequestsTest {

  private static final CreateOrderRequest.Address ADDRESS =
      new CreateOrderRequest.Address("Ada", "1 Street", "London", "N1", "GB");

  @Test
  void shouldDeriveTheSameOrderIdForTheSameCustomerAndKeyOnly() {
    CustomerId customer = CustomerId.of("c-1");

    assertThat(OrderRequests.orderIdOf(customer, IdempotencyKey.of("k")))
        .isEqualTo(OrderRequests.orderIdOf(customer, IdempotencyKey.of("k")))
        .isNotEqualTo(OrderRequests.orderIdOf(customer, IdempotencyKey.of("k2")))
        .isNotEqualTo(OrderRequests.orderIdOf(CustomerId.of("c-2"), IdempotencyKey.of("k")));
  }

  @Test
  void shouldMakeTheDomainsCommand() {
    PlaceOrder command =
        OrderRequests.toCommand(
            new CreateOrderRequest("c-1", List.of(line("SKU-1", 2, "12.5", "EUR")), ADDRESS),
            IdempotencyKey.of("k"));

    assertThat(command.lines().getFirst().unitPrice().amount()).isEqualByComparingTo("12.50");
    assertThat(command.orderId())
        .isEqualTo(OrderRequests.orderIdOf(CustomerId.of("c-1"), IdempotencyKey.of("k")));
  }

  @Test
  void shouldRespectEachCurrencysMinorUnits() {
    InvalidRequest yen =
        catchThrowableOfType(
            InvalidRequest.class,
            () ->
                OrderRequests.toCommand(
                    new CreateOrderRequest(
                        "c-1", List.of(line("SKU-1", 1, "100.5", "JPY")), ADDRESS),
                    IdempotencyKey.of("k")));

    assertThat(yen.violations())
        .containsExactly(
            new FieldViolation("lines[0].unitPrice", "must have at most 0 decimals in JPY"));
  }

  @Test
  void shouldRefuseMalformedIdempotencyKeys() {
    assertThat(
            catchThrowableOfType(
                    InvalidRequest.class,
                    () -> OrderRequests.idempotencyKey(null, "Idempotency-Key"))
                .violations())
        .extracting(FieldViolation::field)
        .containsExactly("Idempotency-Key");
    assertThat(
            catchThrowableOfType(
                InvalidRequest.class, () -> OrderRequests.idempotencyKey(" k", "key")))
        .isNotNull();
    assertThat(
            catchThrowableOfType(
                InvalidRequest.class, () -> OrderRequests.idempotencyKey("k".repeat(129), "key")))
        .isNotNull();
  }

  private static CreateOrderRequest.Line line(
      String sku, int quantity, String price, String currency) {
    return new CreateOrderRequest.Line(sku, quantity, new BigDecimal(price), currency);
  }
}
