package io.orderhub.app.payment;

import static io.orderhub.app.Fixtures.key;
import static io.orderhub.app.Fixtures.orderJson;
import static io.orderhub.app.Fixtures.uniqueCustomer;
import static io.orderhub.app.Fixtures.uniqueKey;
import static org.assertj.core.api.Assertions.assertThat;

import io.orderhub.app.ApplicationTest;
import io.orderhub.app.Http;
import io.orderhub.domain.payment.application.PaymentService;
import io.orderhub.domain.payment.model.Payment;
import io.orderhub.domain.payment.model.PaymentStatus;
import io.orderhub.domain.shared.model.Money;
import io.orderhub.domain.shared.model.OrderId;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Payment callbacks are authenticated (issue 9, item 11): HMAC-SHA256 over timestamp and body with
 * the shared secret; unsigned, badly signed, stale and contradictory callbacks are refused with a
 * problem saying why, logged, and change nothing.
 */
@ExtendWith(OutputCaptureExtension.class)
class PaymentWebhookSignatureTest extends ApplicationTest {

  @Autowired PaymentService payments;

  @Test
  void shouldRefuseAnUnsignedCallback(CapturedOutput output) {
    Payment payment = requestedPayment();

    Http.Response refused =
        http().post("/api/payments/callbacks", body(payment, "CONFIRMED"), Map.of());

    assertRefused(refused, "header is missing");
    assertThat(output.getAll()).contains("Refused an unauthenticated payment callback");
  }

  @Test
  void shouldRefuseACallbackSignedWithAnotherSecretOrTampered() {
    Payment payment = requestedPayment();
    String body = body(payment, "CONFIRMED");
    long now = Instant.now().getEpochSecond();

    assertRefused(
        Signed.post(http(), body, Signed.signature("guessed", now, body)), "does not match");
    assertRefused(
        Signed.post(
            http(),
            body.replace("CONFIRMED", "DECLINED"),
            Signed.signature(Signed.SECRET, now, body)),
        "does not match");
    assertRefused(Signed.post(http(), body, "v1=abcd"), "must be t=");
  }

  @Test
  void shouldRefuseAReplayOlderThanFiveMinutes() {
    Payment payment = requestedPayment();
    String body = body(payment, "CONFIRMED");
    long sixMinutesAgo = Instant.now().minusSeconds(6 * 60).getEpochSecond();

    assertRefused(
        Signed.post(http(), body, Signed.signature(Signed.SECRET, sixMinutesAgo, body)), "replay");
    assertThat(Signed.post(http(), body).status()).isEqualTo(200);
  }

  @Test
  void shouldRefuseADeclineAfterTheCaptureAndKeepTheCapture(CapturedOutput output) {
    Payment payment = requestedPayment();
    assertThat(Signed.post(http(), body(payment, "CONFIRMED")).status()).isEqualTo(200);

    Http.Response contradiction = Signed.post(http(), body(payment, "DECLINED"));
    Http.Response repeat = Signed.post(http(), body(payment, "CONFIRMED"));

    assertThat(contradiction.status()).as(contradiction.toString()).isEqualTo(409);
    assertThat(contradiction.contentType()).startsWith("application/problem+json");
    assertThat(contradiction.json().path("type").asString())
        .isEqualTo("urn:orderhub:problem:contradictory-callback");
    assertThat(contradiction.json().path("paymentStatus").asString()).isEqualTo("CAPTURED");
    assertThat(output.getAll()).contains("Refused a payment callback");
    assertThat(repeat.status()).isEqualTo(200);
    assertThat(repeat.json().path("outcome").asString()).isEqualTo("DUPLICATE");
    assertThat(payments.paymentOf(payment.orderId()).orElseThrow().status())
        .isEqualTo(PaymentStatus.CAPTURED);
  }

  private void assertRefused(Http.Response response, String why) {
    assertThat(response.status()).as(response.toString()).isEqualTo(401);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(response.json().path("type").asString())
        .isEqualTo("urn:orderhub:problem:unauthenticated-callback");
    assertThat(response.json().path("detail").asString()).contains(why);
  }

  private Payment requestedPayment() {
    Http.Response created =
        http().post("/api/orders", orderJson(uniqueCustomer()), key(uniqueKey()));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    OrderId orderId = OrderId.of(created.json().path("id").asString());
    return payments.requestPayment(orderId, Money.of("29.99", "EUR")).payment();
  }

  private static String body(Payment payment, String status) {
    return Http.json(
        Map.of(
            "paymentId",
            payment.paymentId().asString(),
            "status",
            status,
            "providerReference",
            "PSP-" + payment.orderId()));
  }
}
