package io.orderhub.bpmn;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.orderhub.bpmn.testing.EmbeddedEngine;
import io.orderhub.bpmn.testing.ProcessRecords;
import io.orderhub.engine.record.EngineEvent.MessageSubscriptionOpened;
import io.orderhub.engine.record.EngineEvent.TimerCreated;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.junit.jupiter.api.io.TempDir;

/**
 * The models alone, on the embedded engine, with the test playing every worker through the official
 * client: which path each outcome takes, and which compensation handlers run in which order. The
 * scenario tests in {@code compensation} run the same paths with the real workers and PostgreSQL.
 */
class OrderFulfillmentModelTest {

  @TempDir Path dataDir;
  EmbeddedEngine engine;
  CamundaClient client;
  ProcessRecords records;

  @RegisterExtension
  final TestWatcher dumpOnFailure =
      new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
          if (records != null) {
            System.err.println(records.dump());
          }
        }
      };

  @BeforeEach
  void deploy() {
    engine = EmbeddedEngine.start(dataDir);
    records = engine.records();
    client = engine.newClient();
    EmbeddedEngine.deployModels(client);
  }

  @AfterEach
  void stop() {
    client.close();
    engine.close();
  }

  @Test
  void shouldCompleteTheHappyPathWithoutCompensating() {
    long order = startOrder("o-1");
    forwardToPayment(order);
    publish("PaymentConfirmed", "o-1");
    complete("fulfilment.route", Map.of("packages", List.of(1, 2)));
    complete("shipment.dispatch", Map.of());
    complete("shipment.dispatch", Map.of());
    awaitSubscription(order, "OrderDelivered");
    publish("OrderDelivered", "o-1");
    complete("delivery.confirm", Map.of("orderStatus", "DELIVERED"));
    complete("order.complete", Map.of("orderStatus", "COMPLETED"));

    records.awaitCompleted(order);
    assertThat(records.completed(order))
        .contains("OrderCompleted")
        .doesNotContain("ReleaseStock", "RefundPayment", "CancelShipment", "RecallShipment");
  }

  @Test
  void shouldUndoCompletedStepsMostRecentFirstWhenCancelledDuringDispatch() {
    long order = startOrder("o-2");
    forwardToPayment(order);
    publish("PaymentConfirmed", "o-2");
    complete("fulfilment.route", Map.of("packages", List.of(1, 2)));
    complete("shipment.dispatch", Map.of()); // the second package is still on its way

    publish("OrderCancelRequested", "o-2");
    complete("shipment.recall", Map.of());
    complete("payment.refund", Map.of());
    complete("stock.release", Map.of());
    complete("order.cancel", Map.of("orderStatus", "CANCELLED"));

    records.awaitCompleted(order);
    // the interrupted dispatch is not compensated itself; the routing that planned it is
    assertThat(handlers(order)).containsExactly("CancelShipment", "RefundPayment", "ReleaseStock");
    assertThat(records.completed(order)).contains("OrderCancelled");
  }

  @Test
  void shouldRecallAndUndoEverythingWhenCancelledWhileAwaitingDelivery() {
    long order = startOrder("o-3");
    forwardToPayment(order);
    publish("PaymentConfirmed", "o-3");
    complete("fulfilment.route", Map.of("packages", List.of(1)));
    complete("shipment.dispatch", Map.of());
    awaitSubscription(order, "OrderDelivered");

    publish("OrderCancelRequested", "o-3");
    complete("shipment.recall", Map.of());
    complete("shipment.recall", Map.of());
    complete("payment.refund", Map.of());
    complete("stock.release", Map.of());
    complete("order.cancel", Map.of("orderStatus", "CANCELLED"));

    records.awaitCompleted(order);
    assertThat(handlers(order))
        .containsExactly("RecallShipment", "CancelShipment", "RefundPayment", "ReleaseStock");
  }

  @Test
  void shouldCancelWithoutCompensationBeforeAnythingCompensableCompleted() {
    long order = startOrder("o-4");
    complete("order.validate", Map.of("orderStatus", "VALIDATED"));
    activate("stock.reserve"); // in flight when the cancellation comes

    publish("OrderCancelRequested", "o-4");
    complete("order.cancel", Map.of("orderStatus", "CANCELLED"));

    records.awaitCompleted(order);
    assertThat(handlers(order)).isEmpty();
    assertThat(records.completed(order)).contains("OrderCancelled");
  }

  @Test
  void shouldUndoPaymentThenReservationWhenThePaymentTimesOut() {
    long order = startOrder("o-5");
    forwardToPayment(order);
    records.await(TimerCreated.class, t -> t.targetElementId().equals("PaymentTimedOut"));

    engine.advanceClock(Duration.ofMinutes(15));
    complete("payment.refund", Map.of());
    complete("stock.release", Map.of());
    ActivatedJob cancel = activate("order.cancel");
    assertThat(cancel.getVariablesAsMap()).containsEntry("cancellationCause", "PAYMENT_TIMEOUT");
    client
        .newCompleteCommand(cancel.getKey())
        .variables(Map.of("orderStatus", "CANCELLED"))
        .send()
        .join();

    records.awaitCompleted(order);
    assertThat(handlers(order)).containsExactly("RefundPayment", "ReleaseStock");
    assertThat(records.completed(order)).contains("CancelledPaymentTimeout", "OrderCancelled");
  }

  @Test
  void shouldHandleAFailedPaymentAsPaymentDeclined() {
    long order = startOrder("o-6");
    forwardToPayment(order);

    publish("PaymentFailed", "o-6");
    complete("payment.refund", Map.of());
    complete("stock.release", Map.of());
    ActivatedJob cancel = activate("order.cancel");
    assertThat(cancel.getVariablesAsMap()).containsEntry("cancellationCause", "PAYMENT_DECLINED");
    client
        .newCompleteCommand(cancel.getKey())
        .variables(Map.of("orderStatus", "CANCELLED"))
        .send()
        .join();

    records.awaitCompleted(order);
    assertThat(handlers(order)).containsExactly("RefundPayment", "ReleaseStock");
    assertThat(records.completed(order)).contains("PaymentDeclined", "OrderCancelled");
  }

  @Test
  void shouldReleaseButNotRefundWhenThePaymentRequestItselfIsDeclined() {
    long order = startOrder("o-7");
    complete("order.validate", Map.of());
    complete("stock.reserve", Map.of());
    throwError("payment.request", "PAYMENT_DECLINED");
    complete("stock.release", Map.of());
    complete("order.cancel", Map.of("orderStatus", "CANCELLED"));

    records.awaitCompleted(order);
    assertThat(handlers(order)).containsExactly("ReleaseStock");
  }

  @Test
  void shouldEndRejectedOnAnInvalidOrder() {
    long order = startOrder("o-8");
    throwError("order.validate", "INVALID_ORDER");

    records.awaitCompleted(order);
    assertThat(records.completed(order)).contains("OrderRejected");
  }

  @Test
  void shouldCancelWithoutCompensationWhenOutOfStock() {
    long order = startOrder("o-9");
    complete("order.validate", Map.of());
    throwError("stock.reserve", "OUT_OF_STOCK");
    ActivatedJob cancel = activate("order.cancel");
    assertThat(cancel.getVariablesAsMap()).containsEntry("cancellationCause", "OUT_OF_STOCK");
    client.newCompleteCommand(cancel.getKey()).send().join();

    records.awaitCompleted(order);
    assertThat(handlers(order)).isEmpty();
    assertThat(records.completed(order)).contains("OrderCancelledOutOfStock");
  }

  @Test
  void shouldFlagALateDeliveryAndKeepWaiting() {
    long order = startOrder("o-10");
    forwardToPayment(order);
    publish("PaymentConfirmed", "o-10");
    complete("fulfilment.route", Map.of("packages", List.of(1)));
    complete("shipment.dispatch", Map.of());
    records.await(TimerCreated.class, t -> t.targetElementId().equals("DeliverySlaBreached"));

    engine.advanceClock(Duration.ofDays(3));
    records.awaitCompleted(order, "DeliveryOverdue");
    publish("OrderDelivered", "o-10");
    complete("delivery.confirm", Map.of());
    complete("order.complete", Map.of());

    records.awaitCompleted(order);
    assertThat(records.completed(order)).contains("DeliveryOverdue", "OrderCompleted");
  }

  @Test
  void shouldNotCorrelateACancellationAfterDelivery() {
    long order = startOrder("o-11");
    forwardToPayment(order);
    publish("PaymentConfirmed", "o-11");
    complete("fulfilment.route", Map.of("packages", List.of(1)));
    complete("shipment.dispatch", Map.of());
    awaitSubscription(order, "OrderDelivered");
    publish("OrderDelivered", "o-11");
    ActivatedJob confirm = activate("delivery.confirm");

    publish("OrderCancelRequested", "o-11");
    client.newCompleteCommand(confirm.getKey()).send().join();
    complete("order.complete", Map.of());

    records.awaitCompleted(order);
    assertThat(handlers(order)).isEmpty();
    assertThat(records.completed(order)).contains("OrderCompleted");
  }

  // ---- helpers

  private static final List<String> HANDLERS =
      List.of("ReleaseStock", "RefundPayment", "CancelShipment", "RecallShipment");

  private List<String> handlers(long order) {
    return records.activated(order).stream().filter(HANDLERS::contains).toList();
  }

  private long startOrder(String orderId) {
    return client
        .newCreateInstanceCommand()
        .bpmnProcessId("order-fulfillment")
        .latestVersion()
        .variables(
            Map.of(
                "orderId",
                orderId,
                "customerId",
                "c-1",
                "lines",
                List.of(Map.of("sku", "A", "quantity", 1, "unitPrice", 10, "currency", "EUR")),
                "total",
                10,
                "currency",
                "EUR",
                "shippingAddress",
                Map.of("city", "Berlin")))
        .send()
        .join()
        .getProcessInstanceKey();
  }

  private void forwardToPayment(long order) {
    complete("order.validate", Map.of("orderStatus", "VALIDATED"));
    complete("stock.reserve", Map.of("orderStatus", "STOCK_RESERVED"));
    complete("payment.request", Map.of("orderStatus", "PAYMENT_PENDING"));
    awaitSubscription(order, "PaymentConfirmed");
  }

  private void awaitSubscription(long order, String message) {
    records.await(
        MessageSubscriptionOpened.class,
        s -> s.processInstanceKey() == order && s.messageName().equals(message));
  }

  private void publish(String message, String orderId) {
    client
        .newPublishMessageCommand()
        .messageName(message)
        .correlationKey(orderId)
        .timeToLive(Duration.ofMinutes(1))
        .send()
        .join();
  }

  private ActivatedJob activate(String type) {
    for (int attempt = 0; attempt < 30; attempt++) {
      List<ActivatedJob> jobs =
          client
              .newActivateJobsCommand()
              .jobType(type)
              .maxJobsToActivate(1)
              .timeout(Duration.ofHours(1))
              .requestTimeout(Duration.ofSeconds(2))
              .send()
              .join()
              .getJobs();
      if (!jobs.isEmpty()) {
        return jobs.getFirst();
      }
    }
    throw new AssertionError("Expected a job of type " + type + ", but none came");
  }

  private void complete(String type, Map<String, Object> variables) {
    client.newCompleteCommand(activate(type).getKey()).variables(variables).send().join();
  }

  private void throwError(String type, String code) {
    client.newThrowErrorCommand(activate(type).getKey()).errorCode(code).send().join();
  }
}
