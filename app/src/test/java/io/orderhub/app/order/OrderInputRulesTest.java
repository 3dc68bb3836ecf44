package io.orderhub.app.order;

import static io.orderhub.app.Fixtures.key;
import static io.orderhub.app.Fixtures.line;
import static io.orderhub.app.Fixtures.order;
import static io.orderhub.app.Fixtures.orderJson;
import static io.orderhub.app.Fixtures.uniqueCustomer;
import static io.orderhub.app.Fixtures.uniqueKey;
import static org.assertj.core.api.Assertions.assertThat;

import io.orderhub.app.ApplicationTest;
import io.orderhub.app.Http;
import io.orderhub.app.RawHttp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the request itself can tell is refused when the order is placed (issue 9, item 6): a 400
 * naming the field, never a 201 followed by a cancellation or a 500 — and every error is a problem
 * body, also those the servlet container answers itself.
 */
class OrderInputRulesTest extends ApplicationTest {

  @Test
  void shouldRefuseAnUnknownSku() {
    Http.Response refused =
        place(
            order(
                uniqueCustomer(),
                List.of(line("SKU-1001", 1, "1.00"), line("NO-SUCH-SKU", 1, "1.00"))));

    assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
    assertThat(fields(refused)).containsExactly("lines[1].sku");
  }

  @Test
  void shouldRefuseAQuantityAbove999AndAZeroPrice() {
    Http.Response refused =
        place(
            order(
                uniqueCustomer(),
                List.of(line("SKU-1001", 1000, "1.00"), line("SKU-1002", 1, "0.00"))));

    assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
    assertThat(fields(refused)).containsExactly("lines[0].quantity", "lines[1].unitPrice");
  }

  @Test
  void shouldNotCoerceValuesOfTheWrongJsonType() {
    String customer = uniqueCustomer();
    String good = orderJson(customer);

    assertThat(fields(post(good.replace("\"quantity\":2", "\"quantity\":1.5"))))
        .containsExactly("lines[0].quantity");
    assertThat(fields(post(good.replace("\"quantity\":2", "\"quantity\":\"2\""))))
        .containsExactly("lines[0].quantity");
    assertThat(
            fields(post(good.replace("\"customerId\":\"" + customer + "\"", "\"customerId\":42"))))
        .containsExactly("customerId");
    assertThat(fields(post(good.replace("\"unitPrice\":12.50", "\"unitPrice\":\"12.50\""))))
        .containsExactly("lines[0].unitPrice");
  }

  @Test
  void shouldRefuseANulCharacterInAnyStringNamingTheField() {
    Map<String, Object> body = order(uniqueCustomer(), List.of(line("SKU-1001", 1, "1.00")));
    @SuppressWarnings("unchecked")
    Map<String, Object> address = (Map<String, Object>) body.get("shippingAddress");
    address.put("street", "1 Analytical\u0000 Street");

    Http.Response refused = place(body);

    assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
    assertThat(fields(refused)).containsExactly("shippingAddress.street");
  }

  @Test
  void shouldRefuseATotalAboveTheLimitInsteadOfOverflowingItsColumn() {
    Http.Response refused =
        place(
            order(
                uniqueCustomer(),
                List.of(
                    line("SKU-1001", 999, "999999999999999"),
                    line("SKU-1002", 999, "999999999999999"))));

    assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
    assertThat(fields(refused)).containsExactly("lines");
  }

  @Test
  void shouldRefuseANulInACancellationReason() {
    String id =
        place(order(uniqueCustomer(), List.of(line("SKU-1001", 1, "1.00"))))
            .json()
            .path("id")
            .asString();

    Http.Response refused =
        http().post("/api/orders/" + id + "/cancellation", "{\"reason\":\"a\\u0000b\"}");

    assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
    assertThat(fields(refused)).containsExactly("reason");
  }

  @Test
  void shouldAnswerAnOversizedIdempotencyKeyWithAProblem() {
    Http.Response refused =
        http().post("/api/orders", orderJson(uniqueCustomer()), key("k".repeat(8 * 1024)));

    assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
    assertThat(refused.contentType()).startsWith("application/problem+json");
    assertThat(fields(refused)).containsExactly("Idempotency-Key");
  }

  @Test
  void shouldAnswerHeadersTheContainerRefusesWithAProblemNotHtml() {
    RawHttp.Answer control =
        RawHttp.send(
            httpPort,
            RawHttp.post(
                "/api/orders", "Idempotency-Key: bad\u0001key", orderJson(uniqueCustomer())));
    RawHttp.Answer huge =
        RawHttp.send(
            httpPort,
            RawHttp.post(
                "/api/orders",
                "Idempotency-Key: " + "k".repeat(64 * 1024),
                orderJson(uniqueCustomer())));

    for (RawHttp.Answer answer : List.of(control, huge)) {
      assertThat(answer.status()).as(answer.head()).isBetween(400, 499);
      assertThat(answer.head().toLowerCase()).contains("content-type: application/problem+json");
      JsonNode problem = JsonMapper.shared().readTree(answer.body());
      assertThat(problem.path("status").asInt()).isEqualTo(answer.status());
      assertThat(problem.path("title").asString()).isNotBlank();
      assertThat(answer.body()).doesNotContain("<html");
    }
  }

  private Http.Response place(Map<String, Object> body) {
    return http().post("/api/orders", Http.json(body), key(uniqueKey()));
  }

  private Http.Response post(String json) {
    Http.Response response = http().post("/api/orders", json, key(uniqueKey()));
    assertThat(response.status()).as(response.toString()).isEqualTo(400);
    assertThat(response.contentType()).startsWith("application/problem+json");
    return response;
  }

  static List<String> fields(Http.Response response) {
    List<String> fields = new ArrayList<>();
    response.json().path("errors").forEach(error -> fields.add(error.path("field").asString()));
    return fields;
  }
}
