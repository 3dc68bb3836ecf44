package io.orderhub.app.cache;

import static io.orderhub.app.Fixtures.key;
import static io.orderhub.app.Fixtures.orderJson;
import static io.orderhub.app.Fixtures.uniqueCustomer;
import static io.orderhub.app.Fixtures.uniqueKey;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Caffeine;
import io.orderhub.app.ApplicationTest;
import io.orderhub.app.Http;
import io.orderhub.app.order.OrderView;
import io.orderhub.domain.order.application.OrderService;
import io.orderhub.domain.shared.model.OrderId;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code GET /api/orders/{id}} through Caffeine and the Redis read model (a real redis-server, the
 * local profile's): an order read — and so cached — before a change shows the change on the very
 * next read, whichever path made it.
 */
class HotOrderReadsTest extends ApplicationTest {

  @Autowired OrderService orders;
  @Autowired OrderViewStore store;
  @Autowired OrderViewDocuments documents;

  @Test
  void shouldShowTheClientsOwnChangeOnTheNextReadThoughTheOldStateWasCached() {
    String id = placedAndCached();

    Http.Response cancelled = http().post("/api/orders/" + id + "/cancellation", null);
    Http.Response read = http().get("/api/orders/" + id);

    assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(202);
    assertThat(read.json().path("version").asLong())
        .isGreaterThanOrEqualTo(cancelled.json().path("version").asLong());
    assertThat(read.json().path("status").asString()).isNotEqualTo("CREATED");
  }

  @Test
  void shouldShowAChangeTheProcessMadeOnTheNextRead() {
    String id = placedAndCached();

    // as a worker changes it: through the domain, not the API
    orders.change(OrderId.of(id), order -> order.reject("test: failed validation"));

    assertThat(http().get("/api/orders/" + id).json().path("status").asString())
        .isEqualTo("REJECTED");
  }

  @Test
  void shouldKeepTheLatestViewInTheRedisReadModel() {
    String id = placedAndCached();
    Http.Response cancelled = http().post("/api/orders/" + id + "/cancellation", null);
    long version = cancelled.json().path("version").asLong();

    assertThat(documents.findById(id))
        .hasValueSatisfying(d -> assertThat(d.getVersion()).isGreaterThanOrEqualTo(version));
    // another instance: an empty Caffeine, and no database to fall back to
    HotOrders elsewhere =
        new HotOrders(
            Caffeine.newBuilder().build(),
            Optional.of(store),
            orderId -> {
              throw new AssertionError("Expected the read model to answer, but it did not");
            });
    OrderView view = elsewhere.read(OrderId.of(id), version);
    assertThat(view.version()).isGreaterThanOrEqualTo(version);
    assertThat(view.status()).isNotEqualTo("CREATED");
  }

  @Test
  void shouldRefuseAMinimumVersionThatIsNoNumber() {
    String id = placedAndCached();

    Http.Response refused =
        http().get("/api/orders/" + id, Map.of("Order-Min-Version", "latest please"));

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.toString()).contains("Order-Min-Version");
  }

  private String placedAndCached() {
    Http.Response created =
        http().post("/api/orders", orderJson(uniqueCustomer()), key(uniqueKey()));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    String id = created.json().path("id").asString();
    assertThat(http().get("/api/orders/" + id).json().path("status").asString())
        .isEqualTo("CREATED");
    return id;
  }
}
