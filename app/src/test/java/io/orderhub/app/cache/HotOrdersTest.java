package io.orderhub.app.cache;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Caffeine;
import io.orderhub.app.order.OrderView;
import io.orderhub.domain.shared.model.OrderId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The rules of the in-process cache, without Redis: versions only move forward. */
class HotOrdersTest {

  final OrderId id = OrderId.newId();

  @Test
  void shouldKeepAChangeThatCommittedWhileAReadLoadedTheOlderState() {
    HotOrders[] hot = new HotOrders[1];
    hot[0] =
        new HotOrders(
            Caffeine.newBuilder().build(),
            Optional.empty(),
            orderId -> {
              hot[0].changed(view("CANCELLATION_REQUESTED", 2)); // commits mid-read
              return view("CREATED", 1);
            });

    assertThat(hot[0].read(id, null).version()).isEqualTo(2);
    assertThat(hot[0].read(id, null).status()).isEqualTo("CANCELLATION_REQUESTED");
  }

  @Test
  void shouldPassOverACachedViewOlderThanTheClientsVersion() {
    AtomicInteger databaseReads = new AtomicInteger();
    HotOrders hot =
        new HotOrders(
            Caffeine.newBuilder().build(),
            Optional.empty(),
            orderId -> {
              databaseReads.incrementAndGet();
              return databaseReads.get() == 1 ? view("CREATED", 1) : view("PAID", 3);
            });
    hot.read(id, null);

    assertThat(hot.read(id, null).version()).isEqualTo(1); // cached
    assertThat(hot.read(id, 3L).status()).isEqualTo("PAID");
    assertThat(hot.read(id, null).version()).isEqualTo(3);
    assertThat(databaseReads).hasValue(2);
  }

  private OrderView view(String status, long version) {
    return new OrderView(
        id.asString(),
        "customer-1",
        status,
        null,
        List.of(),
        BigDecimal.TEN,
        "EUR",
        null,
        null,
        Instant.EPOCH,
        version);
  }
}
