package io.orderhub.app.payment;

import static io.orderhub.app.Fixtures.key;
import static io.orderhub.app.Fixtures.orderJson;
import static io.orderhub.app.Fixtures.uniqueCustomer;
import static io.orderhub.app.Fixtures.uniqueKey;
import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.response.ActivatedJob;
import io.orderhub.app.ApplicationTest;
import io.orderhub.app.Http;
import io.orderhub.app.Jobs;
import io.orderhub.domain.payment.application.PaymentService;
import io.orderhub.domain.payment.model.Payment;
import io.orderhub.domain.shared.model.Money;
import io.orderhub.domain.shared.model.OrderId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The provider webhook against processes waiting for the payment outcome (test models {@code
 * test-payment-confirmed} / {@code test-payment-failed}, correlation key = order id).
 */
class PaymentWebhookTest extends ApplicationTest {

  @Autowired PaymentService payments;

  @Test
  void shouldCorrelatePaymentConfirmedToTheWaitingInstance() {
    String orderId = placeOrder();
    Payment payment =
        payments.requestPayment(OrderId.of(orderId), Money.of("29.99", "EUR")).payment();
    startWaiting("test-payment-confirmed", orderId, "first");

    Http.Response applied = callback(payment, "CONFIRMED");

    assertThat(applied.status()).as(applied.toString()).isEqualTo(200);
    assertThat(applied.json().path("outcome").asString()).isEqualTo("APPLIED");
    assertThat(applied.json().path("paymentStatus").asString()).isEqualTo("CAPTURED");
    assertThat(applied.json().path("orderId").asString()).isEqualTo(orderId);
    List<ActivatedJob> paid = Jobs.await(camunda, "test.paid", Jobs.forOrder(orderId));
    assertThat(paid).hasSize(1);
    assertThat(paid.getFirst().getVariablesAsMap())
        .containsEntry("paymentId", payment.paymentId().asString())
        .containsEntry("paymentStatus", "CAPTURED")
        .containsEntry("providerReference", "PSP-" + orderId);
  }

  @Test
  void shouldAcknowledgeADuplicateWithoutCorrelatingAgain() {
    String orderId = placeOrder();
    Payment payment =
        payments.requestPayment(OrderId.of(orderId), Money.of("29.99", "EUR")).payment();
    startWaiting("test-payment-confirmed", orderId, "first");
    assertThat(callback(payment, "CONFIRMED").status()).isEqualTo(200);
    Jobs.await(camunda, "test.paid", Jobs.forOrder(orderId));
    // a second instance now waits for the same order's payment: a new message would reach it
    startWaiting("test-payment-confirmed", orderId, "second");

    Http.Response duplicate = callback(payment, "CONFIRMED");
    // the probe: a different message that only the second instance can still take
    camunda
        .newPublishMessageCommand()
        .messageName("PaymentConfirmed")
        .correlationKey(orderId)
        .messageId("probe-" + UUID.randomUUID())
        .variables(Map.of("probe", true))
        .send()
        .join();

    assertThat(duplicate.status()).as(duplicate.toString()).isEqualTo(200);
    assertThat(duplicate.json().path("outcome").asString()).isEqualTo("DUPLICATE");
    List<ActivatedJob> second =
        Jobs.await(
            camunda,
            "test.paid",
            job ->
                Jobs.forOrder(orderId).test(job)
                    && "second".equals(job.getVariablesAsMap().get("waiter")));
    // had the duplicate correlated, the second instance would have moved on without the probe
    assertThat(second).hasSize(1);
    assertThat(second.getFirst().getVariablesAsMap()).containsEntry("probe", true);
    assertThat(Jobs.await(camunda, "test.paid", Jobs.forOrder(orderId))).hasSize(2);
  }

  @Test
  void shouldCorrelatePaymentFailedForADeclinedPayment() {
    String orderId = placeOrder();
    Payment payment =
        payments.requestPayment(OrderId.of(orderId), Money.of("29.99", "EUR")).payment();
    startWaiting("test-payment-failed", orderId, "first");

    Http.Response declined = callback(payment, "DECLINED");

    assertThat(declined.status()).as(declined.toString()).isEqualTo(200);
    assertThat(declined.json().path("paymentStatus").asString()).isEqualTo("DECLINED");
    List<ActivatedJob> failed = Jobs.await(camunda, "test.payment-failed", Jobs.forOrder(orderId));
    assertThat(failed).hasSize(1);
    assertThat(failed.getFirst().getVariablesAsMap()).containsEntry("paymentStatus", "DECLINED");
  }

  @Test
  void shouldRefuseACallbackForAnUnknownPayment() {
    Http.Response unknown =
        Signed.post(
            http(),
            Http.json(
                Map.of(
                    "paymentId", UUID.randomUUID().toString(),
                    "status", "CONFIRMED",
                    "providerReference", "PSP-x")));

    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.contentType()).startsWith("application/problem+json");
    assertThat(unknown.json().path("type").asString()).isEqualTo("urn:orderhub:problem:not-found");
  }

  @Test
  void shouldNameTheInvalidFieldsOfACallback() {
    Http.Response invalid =
        Signed.post(http(), Http.json(Map.of("paymentId", "nope", "status", "MAYBE")));

    assertThat(invalid.status()).isEqualTo(400);
    List<String> fields = new ArrayList<>();
    invalid.json().path("errors").forEach(e -> fields.add(e.path("field").asString()));
    assertThat(fields).containsExactly("paymentId", "providerReference", "status");
  }

  private String placeOrder() {
    Http.Response created =
        http().post("/api/orders", orderJson(uniqueCustomer()), key(uniqueKey()));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json().path("id").asString();
  }

  private void startWaiting(String processId, String orderId, String waiter) {
    camunda
        .newCreateInstanceCommand()
        .bpmnProcessId(processId)
        .latestVersion()
        .variables(Map.of("orderId", orderId, "waiter", waiter))
        .send()
        .join();
  }

  private Http.Response callback(Payment payment, String status) {
    return Signed.post(
        http(),
        Http.json(
            Map.of(
                "paymentId",
                payment.paymentId().asString(),
                "status",
                status,
                "providerReference",
                "PSP-" + payment.orderId())));
  }
}
