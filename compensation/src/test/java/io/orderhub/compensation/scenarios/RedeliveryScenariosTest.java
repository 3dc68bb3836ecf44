package io.orderhub.compensation.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.response.ActivatedJob;
import io.orderhub.compensation.scenarios.StepGate.Step;
import io.orderhub.domain.order.model.OrderStatus;
import io.orderhub.domain.shared.model.Sku;
import io.orderhub.engine.record.EngineEvent.JobTimedOut;
import io.orderhub.workers.inventory.ReserveStock;
import io.orderhub.workers.support.Workers;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A job delivered again — after a technical failure, or after it timed out while its first worker
 * was still busy — runs its step again; the step's effect happens once.
 */
class RedeliveryScenariosTest extends ScenarioTest {

  @Autowired ReserveStock reserveStock;

  @Test
  void shouldReserveAndChargeOnceWhenRetriedAfterAFailureFollowingTheEffect() {
    Sku sku = stock("WH-NORTH", 5);
    Placed order = place(line(sku, 2, "30.00"));
    gate.failOnceAfterEffect(Step.RESERVE, order.id());
    gate.failOnceAfterEffect(Step.REQUEST_PAYMENT, order.id());

    records().awaitJobFailures(order.processInstanceKey(), "ReserveStock", 1);
    engine.advanceClock(Duration.ofMillis(Workers.RETRY_BACKOFF_MILLIS));
    records().awaitJobFailures(order.processInstanceKey(), "RequestPayment", 1);
    engine.advanceClock(Duration.ofMillis(Workers.RETRY_BACKOFF_MILLIS));
    pay(order);
    deliver(order);
    awaitEnded(order);

    assertThat(status(order)).isEqualTo(OrderStatus.COMPLETED);
    assertThat(gate.effects(Step.RESERVE, order.id())).isEqualTo(2);
    assertThat(gate.effects(Step.REQUEST_PAYMENT, order.id())).isEqualTo(2);
    assertThat(count(outbox(order), "StockReserved")).isEqualTo(1);
    assertThat(count(outbox(order), "PaymentRequested")).isEqualTo(1);
    assertThat(provider.chargeRequests(payment(order).paymentId())).isEqualTo(2);
    assertThat(provider.captures(payment(order).paymentId())).isEqualTo(1);
    assertThat(level(sku, "WH-NORTH").available()).isEqualTo(3);
    assertThat(level(sku, "WH-NORTH").reserved()).isZero();
  }

  @Test
  void shouldReserveOnceWhenATimedOutJobIsDeliveredToAnotherWorker() {
    Sku sku = stock("WH-NORTH", 5);
    Placed order = place(line(sku, 1, "30.00"));
    Runnable releaseFirst = gate.holdFirst(Step.RESERVE, order.id());
    records().awaitTrue("the first reserve call", () -> gate.calls(Step.RESERVE, order.id()) == 1);

    // the first worker is stuck past the job's time-out: the engine hands the job out again, here
    // to a second replica running the same worker class
    engine.advanceClock(Duration.ofMinutes(5).plusSeconds(1));
    records().await(JobTimedOut.class, t -> true);
    ActivatedJob again = activateOne("stock.reserve");
    Map<String, Object> result =
        reserveStock.reserve(again.getVariablesAsType(ReserveStock.Command.class));
    client.newCompleteCommand(again).variables(result).send().join();
    awaitStatus(order, OrderStatus.PAYMENT_PENDING);

    releaseFirst.run(); // ... and the first one finally goes on, late: its completion is refused
    records()
        .awaitTrue("the late reserve call ran", () -> gate.effects(Step.RESERVE, order.id()) == 2);
    pay(order);
    deliver(order);
    awaitEnded(order);

    assertThat(status(order)).isEqualTo(OrderStatus.COMPLETED);
    assertThat(count(outbox(order), "StockReserved")).isEqualTo(1);
    assertThat(count(outbox(order), "OrderStockReserved")).isEqualTo(1);
    assertThat(level(sku, "WH-NORTH").available()).isEqualTo(4);
    assertThat(level(sku, "WH-NORTH").reserved()).isZero();
  }

  private ActivatedJob activateOne(String type) {
    for (int attempt = 0; attempt < 15; attempt++) {
      List<ActivatedJob> jobs =
          client
              .newActivateJobsCommand()
              .jobType(type)
              .maxJobsToActivate(1)
              .workerName("second-replica")
              .requestTimeout(Duration.ofSeconds(2))
              .send()
              .join()
              .getJobs();
      if (!jobs.isEmpty()) {
        return jobs.getFirst();
      }
    }
    throw new AssertionError("Expected a job of type " + type + " to be handed out, but none");
  }
}
