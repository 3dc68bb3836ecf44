package io.orderhub.compensation.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderhub.domain.order.model.OrderStatus;
import io.orderhub.domain.payment.model.PaymentId;
import io.orderhub.domain.resilience.InjectedFaults;
import io.orderhub.domain.shared.model.Sku;
import io.orderhub.domain.shipment.infrastructure.SimulatedCarrier;
import io.orderhub.engine.record.EngineEvent.JobCreated;
import io.orderhub.engine.record.EngineEvent.JobFailed;
import io.orderhub.workers.support.Workers;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A payment provider or carrier that does not answer in time: the call is cut off at the guard's
 * time limit (8 s in the scenarios), the job fails with a clear message and a back-off, and its
 * retry goes to the same provider — the order completes, charged and booked once.
 */
class ResilienceScenariosTest extends ScenarioTest {

  static final InjectedFaults HANGING = new InjectedFaults(Duration.ofSeconds(30), 0);

  @Autowired SimulatedCarrier carrier;

  @AfterEach
  void heal() {
    provider.channel("simulated").inject(InjectedFaults.NONE);
    carrier.inject(InjectedFaults.NONE);
  }

  @Test
  void shouldRetryAChargeTheProviderDidNotAnswerInTimeAndChargeOnce() {
    Sku sku = stock("WH-NORTH", 5);
    provider.channel("simulated").inject(HANGING);
    Placed order = place(line(sku, 1, "40.00"));

    records().awaitJobFailures(order.processInstanceKey(), "RequestPayment", 1);
    JobFailed failed = failureOf(order, "RequestPayment");
    assertThat(failed.errorMessage())
        .contains("Expected payment-simulated to answer within PT8S, but it did not");
    assertThat(failed.retries()).isEqualTo(2);
    assertThat(failed.recurAt()).as("failed with a back-off").isPositive();

    provider.channel("simulated").inject(InjectedFaults.NONE);
    engine.advanceClock(Duration.ofMillis(Workers.RETRY_BACKOFF_MILLIS));
    pay(order);
    deliver(order);
    awaitEnded(order);

    PaymentId payment = payment(order).paymentId();
    assertThat(status(order)).isEqualTo(OrderStatus.COMPLETED);
    assertThat(payment(order).provider()).contains("simulated");
    assertThat(provider.chargeRequests(payment)).as("the same provider asked again").isEqualTo(2);
    assertThat(provider.captures(payment)).isEqualTo(1);
  }

  @Test
  void shouldRetryADispatchTheCarrierDidNotAnswerInTimeAndBookOnce() {
    Sku sku = stock("WH-NORTH", 5);
    Placed order = place(line(sku, 1, "40.00"));
    carrier.inject(HANGING);
    pay(order);

    records().awaitJobFailures(order.processInstanceKey(), "DispatchPackage", 1);
    assertThat(failureOf(order, "DispatchPackage").errorMessage())
        .contains("Expected carrier to answer within PT8S, but it did not");

    carrier.inject(InjectedFaults.NONE);
    engine.advanceClock(Duration.ofMillis(Workers.RETRY_BACKOFF_MILLIS));
    deliver(order);
    awaitEnded(order);

    String tracking = "OH-" + order.key() + "-1";
    assertThat(status(order)).isEqualTo(OrderStatus.COMPLETED);
    assertThat(carrier.requests(tracking)).isEqualTo(2);
    assertThat(carrier.isBooked(tracking)).isTrue();
  }

  private JobFailed failureOf(Placed order, String elementId) {
    Set<Long> jobs =
        records().events(JobCreated.class).stream()
            .filter(
                created ->
                    created.processInstanceKey() == order.processInstanceKey()
                        && created.elementId().equals(elementId))
            .map(JobCreated::key)
            .collect(Collectors.toSet());
    return records().events(JobFailed.class).stream()
        .filter(failed -> jobs.contains(failed.key()))
        .findFirst()
        .orElseThrow();
  }
}
