package io.orderhub.domain.payment.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orderhub.domain.payment.model.PaymentCallback;
import io.orderhub.domain.payment.model.PaymentId;
import io.orderhub.domain.shared.model.Money;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

class SimulatedPaymentProviderTest {

  @Test
  void shouldAnswerThroughTheExecutorAfterTheCharge() {
    List<Runnable> scheduled = new ArrayList<>();
    Executor executor = scheduled::add;
    SimulatedPaymentProvider provider = SimulatedPaymentProvider.answeringThrough(executor);
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
    SimulatedPaymentProvider provider = SimulatedPaymentProvider.answeringOnDemand();
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
    SimulatedPaymentProvider provider = SimulatedPaymentProvider.answeringOnDemand();
    provider.connect(
        callback -> {
          throw new IllegalStateException("webhook down");
        });
    provider.charge(PaymentId.newId(), Money.of("1.00", "EUR"));

    assertThatThrownBy(provider::deliverPending).hasMessage("webhook down");
    assertThat(provider.pendingCallbacks()).isEqualTo(1);
  }
}
