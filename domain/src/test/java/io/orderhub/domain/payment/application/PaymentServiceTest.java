package io.orderhub.domain.payment.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orderhub.domain.OutboxRows;
import io.orderhub.domain.Race;
import io.orderhub.domain.payment.infrastructure.SimulatedPaymentProvider;
import io.orderhub.domain.payment.model.Payment;
import io.orderhub.domain.payment.model.PaymentCallback;
import io.orderhub.domain.payment.model.PaymentId;
import io.orderhub.domain.payment.model.PaymentStatus;
import io.orderhub.domain.shared.model.Money;
import io.orderhub.domain.shared.model.OrderId;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Payments against the simulated provider, which answers only when the test calls {@code
 * deliverPending()} — the asynchronous callback, under the test's control.
 */
@SpringBootTest
class PaymentServiceTest {

  static final Money AMOUNT = Money.of("44.98", "CNY");
  static final Money DECLINED_AMOUNT = Money.of("10.13", "CNY");

  @Autowired PaymentService payments;
  @Autowired SimulatedPaymentProvider provider;
  @Autowired DataSource dataSource;
  OutboxRows outbox;
  OrderId order;

  @BeforeEach
  void setUp() {
    outbox = new OutboxRows(dataSource);
    order = OrderId.newId();
    provider.deliverPending(); // leftovers of other tests must not be taken for ours
  }

  @Test
  void shouldRequestPaymentAndCaptureOnConfirmation() {
    RequestedPayment requested = payments.requestPayment(order, AMOUNT);
    PaymentId id = requested.payment().paymentId();
    assertThat(requested.created()).isTrue();
    assertThat(requested.payment().status()).isEqualTo(PaymentStatus.REQUESTED);
    assertThat(provider.pendingCallbacks()).isEqualTo(1);

    provider.deliverPending();

    Payment captured = payments.paymentOf(order).orElseThrow();
    assertThat(captured.status()).isEqualTo(PaymentStatus.CAPTURED);
    assertThat(captured.providerReference()).contains("SIM-" + id);
    assertThat(provider.captures(id)).isEqualTo(1);
    assertThat(outbox.eventTypes(order)).containsExactly("PaymentRequested", "PaymentCaptured");
  }

  @Test
  void shouldNeverChargeTwiceForRepeatedRequests() {
    PaymentId id = payments.requestPayment(order, AMOUNT).payment().paymentId();

    RequestedPayment repeat = payments.requestPayment(order, AMOUNT);

    assertThat(repeat.created()).isFalse();
    assertThat(repeat.payment().paymentId()).isEqualTo(id);
    assertThat(provider.chargeRequests(id)).isEqualTo(2);
    assertThat(provider.pendingCallbacks()).isEqualTo(1);
    provider.deliverPending();
    assertThat(provider.captures(id)).isEqualTo(1);

    RequestedPayment afterCapture = payments.requestPayment(order, AMOUNT);
    assertThat(afterCapture.payment().status()).isEqualTo(PaymentStatus.CAPTURED);
    assertThat(provider.chargeRequests(id)).as("not asked again once answered").isEqualTo(2);
  }

  @Test
  void shouldCreateOnePaymentWhenRequestsRace() {
    List<RequestedPayment> results =
        Race.run(10, i -> () -> payments.requestPayment(order, AMOUNT));

    assertThat(results).filteredOn(RequestedPayment::created).hasSize(1);
    assertThat(results)
        .extracting(r -> r.payment().paymentId())
        .containsOnly(results.getFirst().payment().paymentId());
    assertThat(provider.pendingCallbacks()).isEqualTo(1);
    assertThat(outbox.eventTypes(order)).containsExactly("PaymentRequested");
  }

  @Test
  void shouldRefuseRepeatedRequestWithAnotherAmount() {
    payments.requestPayment(order, AMOUNT);

    assertThatThrownBy(() -> payments.requestPayment(order, Money.of("1.00", "CNY")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Expected the payment of order " + order);
  }

  @Test
  void shouldIgnoreDuplicateCallbacks() {
    PaymentId id = payments.requestPayment(order, AMOUNT).payment().paymentId();
    provider.deliverPending();

    CallbackOutcome duplicate =
        payments.handleCallback(
            new PaymentCallback(id, PaymentCallback.Status.CONFIRMED, "SIM-" + id));
    CallbackOutcome contradiction =
        payments.handleCallback(new PaymentCallback(id, PaymentCallback.Status.DECLINED, "late"));

    assertThat(duplicate).isInstanceOf(CallbackOutcome.Ignored.class);
    assertThat(contradiction).isInstanceOf(CallbackOutcome.Ignored.class);
    assertThat(payments.paymentOf(order).orElseThrow().status()).isEqualTo(PaymentStatus.CAPTURED);
    assertThat(outbox.eventTypes(order)).containsExactly("PaymentRequested", "PaymentCaptured");
  }

  @Test
  void shouldApplyOnlyOneOfRacingDuplicateCallbacks() {
    PaymentId id = payments.requestPayment(order, AMOUNT).payment().paymentId();
    PaymentCallback callback =
        new PaymentCallback(id, PaymentCallback.Status.CONFIRMED, "SIM-" + id);

    List<CallbackOutcome> outcomes = Race.run(8, i -> () -> payments.handleCallback(callback));

    assertThat(outcomes).filteredOn(CallbackOutcome.Applied.class::isInstance).hasSize(1);
    assertThat(outcomes).filteredOn(CallbackOutcome.Ignored.class::isInstance).hasSize(7);
    assertThat(outbox.eventTypes(order)).containsExactly("PaymentRequested", "PaymentCaptured");
  }

  @Test
  void shouldRejectCallbackForUnknownPayment() {
    PaymentId unknown = PaymentId.newId();

    CallbackOutcome outcome =
        payments.handleCallback(
            new PaymentCallback(unknown, PaymentCallback.Status.CONFIRMED, "SIM-x"));

    assertThat(outcome)
        .isEqualTo(
            new CallbackOutcome.Rejected("Expected a payment " + unknown + ", but there is none"));
  }

  @Test
  void shouldDeclineAmountEndingInThirteenCents() {
    PaymentId id = payments.requestPayment(order, DECLINED_AMOUNT).payment().paymentId();

    provider.deliverPending();

    assertThat(payments.paymentOf(order).orElseThrow().status()).isEqualTo(PaymentStatus.DECLINED);
    assertThat(provider.captures(id)).isZero();
    assertThat(payments.refund(order)).isInstanceOf(RefundResult.NothingToRefund.class);
    assertThat(outbox.eventTypes(order)).containsExactly("PaymentRequested", "PaymentDeclined");
  }

  @Test
  void shouldRefundCapturedPaymentOnlyOnce() {
    PaymentId id = payments.requestPayment(order, AMOUNT).payment().paymentId();
    provider.deliverPending();

    RefundResult first = payments.refund(order);
    RefundResult second = payments.refund(order);

    assertThat(first)
        .isInstanceOfSatisfying(
            RefundResult.Refunded.class,
            refunded ->
                assertThat(refunded.payment().refundReference()).contains("SIM-REFUND-" + id));
    assertThat(second).isInstanceOf(RefundResult.AlreadyRefunded.class);
    assertThat(provider.refundsIssued(id)).isEqualTo(1);
    assertThat(provider.refundRequests(id)).isEqualTo(1);
    assertThat(outbox.eventTypes(order))
        .containsExactly("PaymentRequested", "PaymentCaptured", "PaymentRefunded");
  }

  @Test
  void shouldRefundOnlyOnceWhenCompensationsRace() {
    PaymentId id = payments.requestPayment(order, AMOUNT).payment().paymentId();
    provider.deliverPending();

    List<RefundResult> results = Race.run(8, i -> () -> payments.refund(order));

    assertThat(results).filteredOn(RefundResult.Refunded.class::isInstance).hasSize(1);
    assertThat(results).filteredOn(RefundResult.AlreadyRefunded.class::isInstance).hasSize(7);
    assertThat(provider.refundRequests(id)).isEqualTo(1);
  }

  @Test
  void shouldVoidUnansweredPaymentAndRefundALateCapture() {
    PaymentId id = payments.requestPayment(order, AMOUNT).payment().paymentId();

    RefundResult voided = payments.refund(order);
    provider.deliverPending(); // the provider confirms after all

    assertThat(voided).isInstanceOf(RefundResult.Voided.class);
    Payment payment = payments.paymentOf(order).orElseThrow();
    assertThat(payment.status()).isEqualTo(PaymentStatus.REFUNDED);
    assertThat(provider.captures(id)).isEqualTo(1);
    assertThat(provider.refundsIssued(id)).isEqualTo(1);
    assertThat(payments.refund(order)).isInstanceOf(RefundResult.AlreadyRefunded.class);
    assertThat(outbox.eventTypes(order))
        .containsExactly("PaymentRequested", "PaymentVoided", "PaymentCaptured", "PaymentRefunded");
  }

  @Test
  void shouldFindNothingToRefundWithoutPayment() {
    assertThat(payments.refund(order)).isInstanceOf(RefundResult.NothingToRefund.class);
  }
}
