package io.orderhub.domain.payment.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.orderhub.domain.EmbeddedPostgresServer;
import io.orderhub.domain.payment.model.PaymentCallback;
import io.orderhub.domain.payment.model.PaymentId;
import io.orderhub.domain.shared.model.Money;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The simulator over its ledger in a real (embedded) PostgreSQL database of its own. */
class SimulatedPaymentProviderTest {

  private static final HikariDataSource DATABASE = migrated(EmbeddedPostgresServer.freshDatabase());

  private final SimulatorLedger ledger = new SimulatorLedger(DATABASE);

  private static HikariDataSource migrated(HikariDataSource dataSource) {
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
    return dataSource;
  }

  @AfterAll
  static void closeDatabase() {
    DATABASE.close();
  }

  @Test
  void shouldAnswerThroughTheExecutorAfterTheCharge() {
    List<Runnable> scheduled = new ArrayList<>();
    Executor executor = scheduled::add;
    SimulatedPaymentProvider provider = SimulatedPaymentProvider.answeringThrough(executor, ledger);
    List<PaymentCallback> received = new ArrayList<>();
    provider.connect(received::add);
    PaymentId id = PaymentId.newId();

    provider.charge(id, Money.of("12.00", "EUR"));
    assertThat(received).isEmpty();
    scheduled.forEach(Runnable::run);

    assertThat(received)
        .containsExactly(new PaymentCallback(id, PaymentCallback.Status.CONFIRMED, "SIM-" + id));
  }

  @Test
  void shouldDeclineThirteenCentsAndRefuseToRefundIt() {
    SimulatedPaymentProvider provider = SimulatedPaymentProvider.answeringOnDemand(ledger);
    List<PaymentCallback> received = new ArrayList<>();
    provider.connect(received::add);
    PaymentId id = PaymentId.newId();

    provider.charge(id, Money.of("99.13", "EUR"));
    provider.deliverPending();

    assertThat(received)
        .extracting(PaymentCallback::status)
        .containsExactly(PaymentCallback.Status.DECLINED);
    assertThatThrownBy(() -> provider.refund(id, Money.of("99.13", "EUR")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("Expected a captured charge");
  }

  @Test
  void shouldKeepAnUndeliveredCallbackWhenTheSinkFails() {
    SimulatedPaymentProvider provider = SimulatedPaymentProvider.answeringOnDemand(ledger);
    provider.connect(
        callback -> {
          throw new IllegalStateException("webhook down");
        });
    provider.charge(PaymentId.newId(), Money.of("1.00", "EUR"));

    assertThatThrownBy(provider::deliverPending).hasMessage("webhook down");
    assertThat(provider.pendingCallbacks()).isEqualTo(1);
  }

  @Test
  void shouldRefundAndResendWhatItOwedAfterARestart() {
    SimulatedPaymentProvider before = SimulatedPaymentProvider.answeringOnDemand(ledger);
    List<PaymentCallback> heardBefore = new ArrayList<>();
    before.connect(heardBefore::add);
    PaymentId answered = PaymentId.newId();
    PaymentId owed = PaymentId.newId();
    before.charge(answered, Money.of("30.00", "EUR"));
    before.deliverPending();
    before.charge(owed, Money.of("40.00", "EUR"));
    before.close(); // the application stops before the second answer went out

    SimulatedPaymentProvider after = SimulatedPaymentProvider.answeringOnDemand(ledger);
    List<PaymentCallback> heardAfter = new ArrayList<>();
    after.connect(heardAfter::add);
    after.start();
    after.deliverPending();

    assertThat(heardBefore).extracting(PaymentCallback::paymentId).containsExactly(answered);
    assertThat(heardAfter).extracting(PaymentCallback::paymentId).containsExactly(owed);
    assertThat(after.refund(answered, Money.of("30.00", "EUR")))
        .isEqualTo("SIM-REFUND-" + answered);
    assertThat(after.refund(answered, Money.of("30.00", "EUR")))
        .isEqualTo("SIM-REFUND-" + answered);
    assertThat(after.captures(answered)).isEqualTo(1);
    assertThat(after.refundsIssued(answered)).isEqualTo(1);
    assertThat(after.refundRequests(answered)).isEqualTo(2);

    after.charge(owed, Money.of("40.00", "EUR"));
    after.start();
    assertThat(after.deliverPending()).as("nothing owed twice, no second capture").isZero();
    assertThat(after.chargeRequests(owed)).isEqualTo(2);
  }

  @Test
  void shouldRetryOnItsOwnThreadUntilTheWebhookTakesTheAnswer() {
    try (SimulatedPaymentProvider provider =
        SimulatedPaymentProvider.answeringOnOwnThread(ledger)) {
      java.util.concurrent.atomic.AtomicInteger attempts =
          new java.util.concurrent.atomic.AtomicInteger();
      List<PaymentCallback> received = new java.util.concurrent.CopyOnWriteArrayList<>();
      provider.connect(
          callback -> {
            if (attempts.incrementAndGet() < 3) {
              throw new IllegalStateException("engine not there yet");
            }
            received.add(callback);
          });
      PaymentId id = PaymentId.newId();

      provider.charge(id, Money.of("5.00", "EUR"));

      org.awaitility.Awaitility.await()
          .atMost(java.time.Duration.ofSeconds(20))
          .untilAsserted(() -> assertThat(received).hasSize(1));
      assertThat(ledger.owed()).extracting(PaymentCallback::paymentId).doesNotContain(id);
    }
  }
}
