package io.orderhub.app.order;

import static io.orderhub.app.Fixtures.key;
import static io.orderhub.app.Fixtures.line;
import static io.orderhub.app.Fixtures.order;
import static io.orderhub.app.Fixtures.orderJson;
import static io.orderhub.app.Fixtures.uniqueCustomer;
import static io.orderhub.app.Fixtures.uniqueKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.api.command.ClientException;
import io.camunda.client.api.response.ActivatedJob;
import io.orderhub.app.ApplicationTest;
import io.orderhub.app.Http;
import io.orderhub.app.Jobs;
import io.orderhub.domain.order.application.OrderService;
import io.orderhub.domain.order.model.PaymentReference;
import io.orderhub.domain.shared.model.OrderId;
import io.orderhub.domain.shared.model.WarehouseId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class OrderApiTest extends ApplicationTest {

  @Autowired OrderService orders;

  @Test
  void shouldPlaceAnOrderAndStartItsProcessWithTheContractsVariables() {
    String customer = uniqueCustomer();

    Http.Response created = http().post("/api/orders", orderJson(customer), key(uniqueKey()));

    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    String id = created.json().path("id").asString();
    assertThat(created.header("Location")).isEqualTo("/api/orders/" + id);
    assertThat(created.json().path("status").asString()).isEqualTo("CREATED");
    assertThat(created.json().path("total").decimalValue()).isEqualByComparingTo("29.99");

    List<ActivatedJob> jobs = Jobs.await(camunda, "test.fulfil", Jobs.forOrder(id));
    assertThat(jobs).hasSize(1);
    Map<String, Object> variables = jobs.getFirst().getVariablesAsMap();
    assertThat(variables)
        .containsEntry("orderId", id)
        .containsEntry("customerId", customer)
        .containsEntry("currency", "EUR")
        .containsKeys("lines", "total", "shippingAddress");
    assertThat(variables.get("total").toString()).isEqualTo("29.99");
    assertThat(variables.get("lines").toString())
        .contains("sku=SKU-1001", "quantity=2", "unitPrice=12.5", "currency=EUR");
    assertThat(variables.get("shippingAddress").toString()).contains("countryCode=GB");

    Http.Response read = http().get("/api/orders/" + id);
    assertThat(read.status()).isEqualTo(200);
    assertThat(read.json()).isEqualTo(created.json());
  }

  @Test
  void shouldAnswerARetryWithTheSameOrderAndRunOneProcess() {
    String customer = uniqueCustomer();
    String idempotencyKey = uniqueKey();

    Http.Response first = http().post("/api/orders", orderJson(customer), key(idempotencyKey));
    Http.Response retry = http().post("/api/orders", orderJson(customer), key(idempotencyKey));

    assertThat(first.status()).isEqualTo(201);
    assertThat(retry.status()).as(retry.toString()).isEqualTo(200);
    assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
    String id = first.json().path("id").asString();
    assertThat(retry.json().path("id").asString()).isEqualTo(id);
    assertThat(http().get("/api/orders?customerId=" + customer).json().path("totalItems").asInt())
        .isEqualTo(1);
    assertThat(Jobs.await(camunda, "test.fulfil", Jobs.forOrder(id))).hasSize(1);
    // and the engine itself refuses a second saga for the order while the first runs
    assertThatThrownBy(
            () ->
                camunda
                    .newCreateInstanceCommand()
                    .bpmnProcessId("order-fulfillment")
                    .latestVersion()
                    .variables(Map.of("orderId", id))
                    .businessId(id)
                    .send()
                    .join())
        .isInstanceOf(ClientException.class)
        .hasMessageContaining("409");
  }

  @Test
  void shouldRefuseAKeyReusedForAnotherOrder() {
    String customer = uniqueCustomer();
    String idempotencyKey = uniqueKey();
    Http.Response first = http().post("/api/orders", orderJson(customer), key(idempotencyKey));
    String other = Http.json(order(customer, List.of(line("SKU-1003", 1, "99.00"))));

    Http.Response reused = http().post("/api/orders", other, key(idempotencyKey));

    assertThat(reused.status()).as(reused.toString()).isEqualTo(422);
    assertThat(reused.contentType()).startsWith("application/problem+json");
    assertThat(reused.json().path("type").asString())
        .isEqualTo("urn:orderhub:problem:idempotency-key-reused");
    assertThat(reused.json().path("existingOrderId").asString())
        .isEqualTo(first.json().path("id").asString());
    assertThat(fields(reused)).containsExactly("Idempotency-Key");
    assertThat(http().get("/api/orders?customerId=" + customer).json().path("totalItems").asInt())
        .isEqualTo(1);
  }

  @Test
  void shouldNameEveryFieldOfTheWrongShape() {
    Map<String, Object> body =
        order(" ", List.of(line("SKU-1001", 0, "1.00"), line("SKU-1002", 1, "-1")));
    @SuppressWarnings("unchecked")
    Map<String, Object> address = (Map<String, Object>) body.get("shippingAddress");
    address.put("countryCode", "gb");
    address.remove("city");

    Http.Response invalid = http().post("/api/orders", Http.json(body), key(uniqueKey()));

    assertThat(invalid.status()).as(invalid.toString()).isEqualTo(400);
    assertThat(invalid.contentType()).startsWith("application/problem+json");
    assertThat(invalid.json().path("type").asString()).isEqualTo("urn:orderhub:problem:validation");
    assertThat(fields(invalid))
        .contains(
            "customerId",
            "lines[0].quantity",
            "lines[1].unitPrice",
            "shippingAddress.city",
            "shippingAddress.countryCode");
  }

  @Test
  void shouldNameTheFieldsThatBreakTheRulesAcrossLines() {
    Map<String, Object> usd = line("SKU-1002", 1, "3.00");
    usd.put("currency", "USD");
    Map<String, Object> body =
        order(
            uniqueCustomer(),
            List.of(
                line("SKU-1001", 1, "1.999"),
                usd,
                line("SKU-1003", 1, "5.00"),
                line("SKU-1003", 2, "5.00")));
    @SuppressWarnings("unchecked")
    Map<String, Object> address = (Map<String, Object>) body.get("shippingAddress");
    address.put("countryCode", "XX");

    Http.Response invalid = http().post("/api/orders", Http.json(body), key(uniqueKey()));

    assertThat(invalid.status()).as(invalid.toString()).isEqualTo(400);
    assertThat(fields(invalid))
        .containsExactly(
            "lines[0].unitPrice",
            "lines[1].currency",
            "lines[3].sku",
            "shippingAddress.countryCode");
  }

  @Test
  void shouldNameAFieldOfTheWrongType() {
    String body = orderJson(uniqueCustomer()).replace("\"quantity\":2", "\"quantity\":\"two\"");

    Http.Response invalid = http().post("/api/orders", body, key(uniqueKey()));

    assertThat(invalid.status()).as(invalid.toString()).isEqualTo(400);
    assertThat(fields(invalid)).containsExactly("lines[0].quantity");
    Http.Response noBody = http().post("/api/orders", null, key(uniqueKey()));
    assertThat(noBody.status()).isEqualTo(400);
    assertThat(noBody.contentType()).startsWith("application/problem+json");
  }

  @Test
  void shouldRequireAnIdempotencyKey() {
    Http.Response invalid = http().post("/api/orders", orderJson(uniqueCustomer()));

    assertThat(invalid.status()).isEqualTo(400);
    assertThat(fields(invalid)).containsExactly("Idempotency-Key");
  }

  @Test
  void shouldAnswerProblemsForUnknownAndMalformedOrderIds() {
    Http.Response unknown = http().get("/api/orders/" + OrderId.newId());
    Http.Response malformed = http().get("/api/orders/not-an-id");

    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.contentType()).startsWith("application/problem+json");
    assertThat(unknown.json().path("type").asString()).isEqualTo("urn:orderhub:problem:not-found");
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(fields(malformed)).containsExactly("id");
  }

  @Test
  void shouldListACustomersOrdersNewestFirstInPages() {
    String customer = uniqueCustomer();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      ids.add(
          http()
              .post("/api/orders", orderJson(customer), key(uniqueKey()))
              .json()
              .path("id")
              .asString());
    }

    JsonNode first = http().get("/api/orders?customerId=" + customer + "&size=2").json();
    JsonNode second = http().get("/api/orders?customerId=" + customer + "&size=2&page=1").json();

    assertThat(first.path("totalItems").asInt()).isEqualTo(3);
    assertThat(first.path("totalPages").asInt()).isEqualTo(2);
    List<String> listed = new ArrayList<>();
    first.path("items").forEach(item -> listed.add(item.path("id").asString()));
    second.path("items").forEach(item -> listed.add(item.path("id").asString()));
    assertThat(listed).containsExactly(ids.get(2), ids.get(1), ids.get(0));
    assertThat(fields(http().get("/api/orders?customer=" + customer))).containsExactly("customer");
    assertThat(fields(http().get("/api/orders?customerId=x&size=1000"))).containsExactly("size");
  }

  @Test
  void shouldCancelAnOrderAndTellItsProcess() {
    String id = placeAndAwaitProcess();

    Http.Response cancelled =
        http().post("/api/orders/" + id + "/cancellation", "{\"reason\":\"changed my mind\"}");
    Http.Response again = http().post("/api/orders/" + id + "/cancellation", null);

    assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(202);
    assertThat(cancelled.json().path("status").asString()).isEqualTo("CANCELLATION_REQUESTED");
    assertThat(cancelled.json().path("statusReason").asString()).isEqualTo("changed my mind");
    assertThat(again.status()).as(again.toString()).isEqualTo(202);
    assertThat(again.json().path("status").asString()).isEqualTo("CANCELLATION_REQUESTED");
    List<ActivatedJob> compensation = Jobs.await(camunda, "test.cancel", Jobs.forOrder(id));
    assertThat(compensation).hasSize(1);
    assertThat(compensation.getFirst().getVariablesAsMap())
        .containsEntry("cancelReason", "changed my mind");
  }

  @Test
  void shouldRefuseToCancelAnOrderWhoseStateDoesNotAllowIt() {
    String id = placeAndAwaitProcess();
    orders.change(OrderId.of(id), order -> order.reject("test: failed validation"));

    Http.Response refused = http().post("/api/orders/" + id + "/cancellation", null);

    assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
    assertThat(refused.contentType()).startsWith("application/problem+json");
    assertThat(refused.json().path("type").asString())
        .isEqualTo("urn:orderhub:problem:illegal-transition");
    assertThat(refused.json().path("currentState").asString()).isEqualTo("REJECTED");
    assertThat(refused.json().path("detail").asString()).contains("REJECTED");
  }

  @Test
  void shouldStartTheReturnOfADeliveredOrder() {
    String id = placeAndAwaitProcess();
    orders.change(
        OrderId.of(id),
        order -> {
          order.markValidated();
          order.markStockReserved();
          order.markPaymentRequested(PaymentReference.of("pay-" + id));
          order.markPaid(PaymentReference.of("pay-" + id));
          order.markRouted(List.of(WarehouseId.of("WH-NORTH")));
          order.markDispatching();
          order.markDispatched();
          order.markDelivered();
        });

    Http.Response requested =
        http().post("/api/orders/" + id + "/return", "{\"reason\":\"too small\"}");

    assertThat(requested.status()).as(requested.toString()).isEqualTo(202);
    assertThat(requested.json().path("status").asString()).isEqualTo("RETURN_REQUESTED");
    List<ActivatedJob> approval = Jobs.await(camunda, "test.return-approve", Jobs.forOrder(id));
    assertThat(approval).hasSize(1);
    assertThat(approval.getFirst().getVariablesAsMap()).containsEntry("reason", "too small");
  }

  @Test
  void shouldRefuseAReturnBeforeDeliveryAndWithoutAReason() {
    String id = placeAndAwaitProcess();

    Http.Response early = http().post("/api/orders/" + id + "/return", "{\"reason\":\"why not\"}");
    Http.Response noReason = http().post("/api/orders/" + id + "/return", "{}");

    assertThat(early.status()).isEqualTo(409);
    assertThat(early.json().path("currentState").asString()).isEqualTo("CREATED");
    assertThat(noReason.status()).isEqualTo(400);
    assertThat(fields(noReason)).containsExactly("reason");
  }

  private String placeAndAwaitProcess() {
    Http.Response created =
        http().post("/api/orders", orderJson(uniqueCustomer()), key(uniqueKey()));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    String id = created.json().path("id").asString();
    Jobs.await(camunda, "test.fulfil", Jobs.forOrder(id));
    return id;
  }

  static List<String> fields(Http.Response problem) {
    List<String> fields = new ArrayList<>();
    problem.json().path("errors").forEach(error -> fields.add(error.path("field").asString()));
    return fields;
  }
}
