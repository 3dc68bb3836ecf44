package io.orderhub.domain.payment.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.orderhub.domain.payment.application.PaymentService;
import io.orderhub.domain.payment.infrastructure.SimulatedOutage;
import io.orderhub.domain.payment.infrastructure.SimulatedPaymentProvider;
import io.orderhub.domain.payment.model.Payment;
import io.orderhub.domain.payment.model.PaymentId;
import io.orderhub.domain.payment.model.PaymentStatus;
import io.orderhub.domain.resilience.DependencyUnavailable;
import io.orderhub.domain.resilience.InjectedFaults;
import io.orderhub.domain.shared.model.Money;
import io.orderhub.domain.shared.model.OrderId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Two simulated providers behind the weighted router, against the real payment tables: one is made
 * slow and failing, traffic moves to the other; once it heals, traffic comes back. Measured as the
 * share of new payments each provider owns, with wide margins (the expected shares are about 5% and
 * 50%) so a loaded machine does not make it flaky.
 */
@SpringBootTest(
    properties = {
      "orderhub.payment.providers.sim-a.latency=0ms",
      "orderhub.payment.providers.sim-b.latency=0ms",
      "orderhub.payment.routing.probe-share=0.05",
      "orderhub.payment.routing.smoothing=0.2",
      "orderhub.payment.routing.latency-target=250ms",
      "orderhub.resilience.payment.timeout=500ms",
      "orderhub.resilience.payment.sliding-window-size=10",
      "orderhub.resilience.payment.minimum-calls=5",
      "orderhub.resilience.payment.wait-in-open-state=300ms",
      "orderhub.resilience.payment.calls-in-half-open-state=2"
    })
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
class PaymentRoutingTest {

  static final Money AMOUNT = Money.of("25.00", "CNY");
  static final int WINDOW = 100;

  @Autowired PaymentService payments;
  @Autowired SimulatedPaymentProvider simulator;
  @Autowired WeightedPaymentRouter router;

  final List<Payment> requested = new ArrayList<>();

  @AfterEach
  void everyPaymentWasChargedAtMostOnceAndOnlyByItsOwner() {
    simulator.channel("sim-a").inject(InjectedFaults.NONE);
    simulator.channel("sim-b").inject(InjectedFaults.NONE);
    simulator.deliverPending();
    for (Payment payment : requested) {
      PaymentId id = payment.paymentId();
      assertThat(simulator.captures(id)).as("captures of %s", id).isLessThanOrEqualTo(1);
      String owner = payment.provider().orElseThrow();
      String other = owner.equals("sim-a") ? "sim-b" : "sim-a";
      assertThat(simulator.channel(other).chargeRequests(id))
          .as("%s asked to charge payment %s of %s", other, id, owner)
          .isZero();
    }
  }

  @Test
  void shouldShiftTrafficAwayFromASlowFailingProviderAndBackOnceItHeals() {
    double healthy = shareOf("sim-a", WINDOW);
    assertThat(healthy).as("healthy: both alike").isBetween(0.25, 0.75);

    simulator.channel("sim-a").inject(new InjectedFaults(Duration.ofSeconds(2), 0.5));
    // requests keep coming; the router learns from the ones it sends to sim-a
    await()
        .atMost(60, TimeUnit.SECONDS)
        .pollDelay(Duration.ZERO)
        .pollInterval(Duration.ofMillis(1))
        .until(
            () -> {
              requestOne();
              return router.shares().get("sim-a") < 0.15;
            });
    double failing = shareOf("sim-a", WINDOW);
    assertThat(failing).as("slow and failing: probes only").isLessThan(0.2);

    simulator.channel("sim-a").inject(InjectedFaults.NONE);
    await()
        .atMost(60, TimeUnit.SECONDS)
        .pollDelay(Duration.ZERO)
        .pollInterval(Duration.ofMillis(1))
        .until(
            () -> {
              requestOne();
              return router.shares().get("sim-a") > 0.4;
            });
    double healed = shareOf("sim-a", WINDOW);
    assertThat(healed).as("healed: back to its share").isGreaterThan(0.25);
    System.out.printf(
        "sim-a's share of %d new payments: healthy %.2f, slow and failing %.2f, healed %.2f%n",
        WINDOW, healthy, failing, healed);
  }

  @Test
  void shouldRetryATimedOutChargeAtTheSameProviderAndCaptureOnce() {
    simulator.channel("sim-a").inject(new InjectedFaults(Duration.ofSeconds(2), 0));
    OrderId order;
    Payment payment;
    // the slow provider still gets its share at first; take the first payment routed to it
    do {
      order = OrderId.newId();
      payment = requestFor(order);
    } while (!payment.provider().orElseThrow().equals("sim-a"));
    PaymentId id = payment.paymentId();
    assertThat(simulator.channel("sim-a").chargeRequests(id))
        .as("the timed-out charge reached the provider")
        .isEqualTo(1);

    OrderId retried = order;
    assertThatThrownBy(() -> payments.requestPayment(retried, AMOUNT))
        .isInstanceOf(DependencyUnavailable.class)
        .hasMessageContaining("payment-sim-a");
    simulator.channel("sim-a").inject(InjectedFaults.NONE);
    await()
        .atMost(30, TimeUnit.SECONDS)
        .ignoreException(DependencyUnavailable.class)
        .until(() -> payments.requestPayment(retried, AMOUNT).payment().paymentId().equals(id));

    simulator.deliverPending();
    assertThat(payments.find(id).orElseThrow().status()).isEqualTo(PaymentStatus.CAPTURED);
    assertThat(simulator.captures(id)).isEqualTo(1);
    assertThat(simulator.channel("sim-b").chargeRequests(id)).isZero();
  }

  private double shareOf(String provider, int count) {
    int owned = 0;
    for (int i = 0; i < count; i++) {
      if (requestOne().provider().orElseThrow().equals(provider)) {
        owned++;
      }
    }
    return owned / (double) count;
  }

  private Payment requestOne() {
    return requestFor(OrderId.newId());
  }

  /** Requests a payment; a failed charge leaves it REQUESTED at its owner, as for a worker. */
  private Payment requestFor(OrderId order) {
    try {
      payments.requestPayment(order, AMOUNT);
    } catch (DependencyUnavailable | SimulatedOutage failed) {
      // the job would fail and be retried; the payment exists and has its owner
    }
    Payment payment = payments.paymentOf(order).orElseThrow();
    requested.add(payment);
    return payment;
  }
}
