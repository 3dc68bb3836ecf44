package io.orderhub.app.restart;

import static io.orderhub.app.Fixtures.key;
import static io.orderhub.app.Fixtures.orderJson;
import static io.orderhub.app.Fixtures.uniqueCustomer;
import static io.orderhub.app.Fixtures.uniqueKey;
import static org.assertj.core.api.Assertions.assertThat;

import io.orderhub.app.Http;
import io.orderhub.domain.payment.application.PaymentService;
import io.orderhub.domain.payment.infrastructure.SimulatedPaymentProvider;
import io.orderhub.domain.payment.model.PaymentStatus;
import io.orderhub.domain.shared.model.OrderId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The simulated payment provider across a restart of the application, with the real models and
 * workers: a charge captured before the restart is refunded after it (cancellation and return), and
 * an answer the provider owed when the application stopped is sent once it is back.
 */
@ExtendWith(OutputCaptureExtension.class)
class PaymentsAcrossRestartTest {

  private final AppRuns runs =
      new AppRuns()
          .with(
              "orderhub.process.deployment.resources",
              "classpath*:bpmn/*.bpmn,classpath*:bpmn/*.dmn")
          .with("camunda.client.execution-threads", 4);

  @Test
  void shouldRefundAndAnswerWhatWasOwedAfterARestart(CapturedOutput output) {
    String cancelled;
    String returned;
    String unanswered;
    try (AppRuns.Run before = runs.start("orderhub.payment.simulator.delivery=on-demand")) {
      SimulatedPaymentProvider provider = before.bean(SimulatedPaymentProvider.class);
      cancelled = place(before.http);
      returned = place(before.http);
      unanswered = place(before.http);
      for (String id : new String[] {cancelled, returned, unanswered}) {
        before.awaitStatus(id, "PAYMENT_PENDING");
      }
      // the provider answers the first two; the third answer is still owed at the stop
      provider.redeliver(paymentOf(before, cancelled).paymentId());
      provider.redeliver(paymentOf(before, returned).paymentId());
      before.awaitStatus(cancelled, "DISPATCHED");
      before.awaitStatus(returned, "DISPATCHED");
      assertThat(before.http.post("/api/orders/" + returned + "/delivery", "").status())
          .isEqualTo(202);
      before.awaitStatus(returned, "COMPLETED");
    }

    try (AppRuns.Run after = runs.start("orderhub.payment.simulator.delivery=async")) {
      after.awaitStatus(unanswered, "DISPATCHED");

      Http.Response cancel = after.http.post("/api/orders/" + cancelled + "/cancellation", "");
      Http.Response giveBack =
          after.http.post("/api/orders/" + returned + "/return", "{\"reason\":\"too small\"}");

      assertThat(cancel.status()).as(cancel.toString()).isEqualTo(202);
      assertThat(giveBack.status()).as(giveBack.toString()).isEqualTo(202);
      after.awaitStatus(cancelled, "CANCELLED");
      after.awaitStatus(returned, "RETURNED");
      assertThat(paymentOf(after, cancelled).status()).isEqualTo(PaymentStatus.REFUNDED);
      assertThat(paymentOf(after, returned).status()).isEqualTo(PaymentStatus.REFUNDED);
    }
    assertThat(output.getOut().lines().filter(line -> line.contains(" ERROR "))).isEmpty();
  }

  private static String place(Http http) {
    Http.Response placed = http.post("/api/orders", orderJson(uniqueCustomer()), key(uniqueKey()));
    assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
    return placed.json().path("id").asString();
  }

  private static io.orderhub.domain.payment.model.Payment paymentOf(AppRuns.Run run, String id) {
    return run.bean(PaymentService.class).paymentOf(OrderId.of(id)).orElseThrow();
  }
}
