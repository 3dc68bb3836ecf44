package io.orderhub.domain.order.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderhub.domain.shared.model.Sku;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A cancelled order still tells why it was cancelled (issue 9, item 5). */
class CancellationReasonTest {

  @Test
  void shouldKeepTheReasonOfTheCancellationOnceCancelled() {
    Order order = Transitions.orderIn(OrderStatus.PAID);
    order.requestCancellation("changed mind");

    order.markCancelled();

    assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
    assertThat(order.statusReason()).contains("changed mind");
  }

  @Test
  void shouldKeepOutOfStockAsTheReasonOfACancelledOrder() {
    Order order = Transitions.orderIn(OrderStatus.VALIDATED);
    order.markOutOfStock(List.of(Sku.of("SKU-1")));
    order.requestCancellation("out of stock");

    order.markCancelled();

    assertThat(order.statusReason()).contains("out of stock");
  }
}
