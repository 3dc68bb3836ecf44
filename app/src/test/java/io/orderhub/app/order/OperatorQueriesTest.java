package io.orderhub.app.order;

import static io.orderhub.app.Fixtures.key;
import static io.orderhub.app.Fixtures.orderJson;
import static io.orderhub.app.Fixtures.uniqueCustomer;
import static io.orderhub.app.Fixtures.uniqueKey;
import static io.orderhub.app.order.OrderInputRulesTest.fields;
import static org.assertj.core.api.Assertions.assertThat;

import io.orderhub.app.ApplicationTest;
import io.orderhub.app.Http;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** What operators ask (issue 9, item 7): lists by state, customer and time; history; stock. */
class OperatorQueriesTest extends ApplicationTest {

  @Test
  void shouldListOrdersByStatusCustomerAndCreationTimeInTheRequestedOrder() {
    String customer = uniqueCustomer();
    Instant before = Instant.now().minusSeconds(1);
    String first = place(customer);
    String second = place(customer);
    String cancelled = place(customer);
    assertThat(http().post("/api/orders/" + cancelled + "/cancellation", "").status())
        .isEqualTo(202);
    Instant after = Instant.now().plusSeconds(1);

    assertThat(ids("/api/orders?customerId=" + customer + "&sort=createdAt,asc"))
        .containsExactly(first, second, cancelled);
    assertThat(ids("/api/orders?customerId=" + customer + "&status=CREATED"))
        .containsExactly(second, first);
    assertThat(
            ids(
                "/api/orders?customerId="
                    + customer
                    + "&status=CANCELLATION_REQUESTED,CANCELLED&status=REJECTED"))
        .containsExactly(cancelled);
    assertThat(
            ids(
                "/api/orders?customerId="
                    + customer
                    + "&createdFrom="
                    + encode(before)
                    + "&createdTo="
                    + encode(after)))
        .containsExactly(cancelled, second, first);
    assertThat(ids("/api/orders?customerId=" + customer + "&createdFrom=" + encode(after)))
        .isEmpty();
    // without a customer: every customer's orders, here narrowed by time to this test's
    assertThat(
            ids(
                "/api/orders?status=CREATED&size=100&createdFrom="
                    + encode(before)
                    + "&createdTo="
                    + encode(after)))
        .contains(first, second)
        .doesNotContain(cancelled);
  }

  @Test
  void shouldRefuseUnknownFiltersAndInvalidValuesNamingThem() {
    assertThat(fields(http().get("/api/orders?state=CREATED"))).containsExactly("state");
    assertThat(fields(http().get("/api/orders?status=LOST"))).containsExactly("status");
    assertThat(fields(http().get("/api/orders?createdFrom=yesterday")))
        .containsExactly("createdFrom");
    assertThat(fields(http().get("/api/orders?sort=secret,desc"))).containsExactly("sort");
    assertThat(http().get("/api/orders?state=x").contentType())
        .startsWith("application/problem+json");
  }

  @Test
  void shouldTellAnOrdersHistoryWithTimesAndReasons() {
    String id = place(uniqueCustomer());
    http().post("/api/orders/" + id + "/cancellation", "{\"reason\":\"found it cheaper\"}");

    Http.Response history = http().get("/api/orders/" + id + "/history");

    assertThat(history.status()).as(history.toString()).isEqualTo(200);
    JsonNode entries = history.json().path("entries");
    assertThat(entries.size()).isEqualTo(2);
    assertThat(entries.get(0).path("status").asString()).isEqualTo("CREATED");
    assertThat(entries.get(1).path("status").asString()).isEqualTo("CANCELLATION_REQUESTED");
    assertThat(entries.get(1).path("reason").asString()).isEqualTo("found it cheaper");
    assertThat(entries.get(1).path("event").asString()).isEqualTo("OrderCancellationRequested");
    assertThat(Instant.parse(entries.get(1).path("at").asString()))
        .isAfterOrEqualTo(Instant.parse(entries.get(0).path("at").asString()));
    assertThat(http().get("/api/orders/" + UUID.randomUUID() + "/history").status()).isEqualTo(404);
  }

  @Test
  void shouldShowAndReplenishStock() {
    String sku = "SKU-T-" + UUID.randomUUID().toString().substring(0, 8);

    assertThat(http().get("/api/stock/" + sku).status()).isEqualTo(404);
    Http.Response counted = http().put("/api/stock/" + sku + "/WH-EAST", "{\"available\":40}");
    http().put("/api/stock/" + sku + "/WH-WEST", "{\"available\":2}");
    Http.Response recounted = http().put("/api/stock/" + sku + "/WH-EAST", "{\"available\":45}");

    assertThat(counted.status()).as(counted.toString()).isEqualTo(200);
    assertThat(recounted.json().path("available").asInt()).isEqualTo(45);
    JsonNode one = http().get("/api/stock/" + sku).json();
    assertThat(one.path("available").asInt()).isEqualTo(47);
    assertThat(one.path("warehouses").size()).isEqualTo(2);
    List<String> all = new ArrayList<>();
    http().get("/api/stock").json().forEach(s -> all.add(s.path("sku").asString()));
    assertThat(all).contains("SKU-1001", sku);
    assertThat(fields(http().put("/api/stock/" + sku + "/WH-EAST", "{\"available\":-1}")))
        .containsExactly("available");
    // a SKU that is stocked now may be ordered
    String order =
        orderJson(uniqueCustomer())
            .replace("SKU-1001", sku)
            .replace("\"quantity\":2", "\"quantity\":1");
    assertThat(http().post("/api/orders", order, key(uniqueKey())).status()).isEqualTo(201);
  }

  private String place(String customer) {
    Http.Response created = http().post("/api/orders", orderJson(customer), key(uniqueKey()));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json().path("id").asString();
  }

  private List<String> ids(String path) {
    Http.Response listed = http().get(path);
    assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    listed.json().path("items").forEach(item -> ids.add(item.path("id").asString()));
    return ids;
  }

  private static String encode(Instant instant) {
    return URLEncoder.encode(instant.toString(), StandardCharsets.UTF_8);
  }
}
