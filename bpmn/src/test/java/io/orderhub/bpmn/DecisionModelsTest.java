package io.orderhub.bpmn;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.orderhub.bpmn.testing.EmbeddedEngine;
import io.orderhub.bpmn.testing.ProcessRecords;
import io.orderhub.engine.record.EngineEvent.MessageSubscriptionOpened;
import io.orderhub.engine.record.EngineEvent.TimerCreated;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fulfilment routing and the payment timeout are decisions (DMN) the process calls from business
 * rule tasks: what they decide reaches the steps, and a new version an analyst deploys changes the
 * outcome for orders started afterwards while orders already past the decision keep theirs.
 */
class DecisionModelsTest {

  @TempDir Path dataDir;
  EmbeddedEngine engine;
  CamundaClient client;
  ProcessRecords records;
  final List<ActivatedJob> seen = new ArrayList<>();

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
  void shouldRouteByDestinationAndUnitsAndTakeANewRoutingVersionForNewOrders() throws IOException {
    startOrder("gb-1", "GB", 2, 20);
    startOrder("es-1", "ES", 2, 20);
    startOrder("gb-bulk", "GB", 150, 20);

    assertThat(preferenceOf("gb-1")).containsExactly("WH-NORTH", "WH-SOUTH");
    assertThat(preferenceOf("es-1")).containsExactly("WH-SOUTH", "WH-NORTH");
    assertThat(preferenceOf("gb-bulk")).containsExactly("WH-NORTH", "WH-SOUTH");

    // an analyst routes Britain from the south from now on
    deploy(
        EmbeddedEngine.FULFILMENT_ROUTING,
        "fulfilment-routing.dmn",
        model ->
            model
                .replace("value=\"1.0.0\"", "value=\"1.1.0\"")
                .replace("\"ES\",\"PT\",\"IT\"", "\"GB\",\"ES\",\"PT\",\"IT\""));
    startOrder("gb-2", "GB", 2, 20);

    assertThat(preferenceOf("gb-2")).containsExactly("WH-SOUTH", "WH-NORTH");
    assertThat(preferenceOf("gb-1")).as("decided before").containsExactly("WH-NORTH", "WH-SOUTH");
  }

  @Test
  void shouldTimeThePaymentOutAsDecidedAndTakeANewTimeoutVersionForNewOrders() throws IOException {
    long usual = startOrder("usual", "GB", 1, 20);
    long large = startOrder("large", "GB", 1, 1500);
    forwardToPayment("usual", usual);
    forwardToPayment("large", large);

    assertThat(waitOf(usual)).isEqualTo(Duration.ofMinutes(15).toMillis());
    assertThat(waitOf(large)).isEqualTo(Duration.ofHours(1).toMillis());

    // an analyst shortens the usual timeout to five minutes
    deploy(
        EmbeddedEngine.PAYMENT_TIMEOUT,
        "payment-timeout.dmn",
        model ->
            model.replace("value=\"1.0.0\"", "value=\"1.1.0\"").replace("\"PT15M\"", "\"PT5M\""));
    long later = startOrder("later", "GB", 1, 20);
    forwardToPayment("later", later);

    assertThat(waitOf(later)).isEqualTo(Duration.ofMinutes(5).toMillis());
    assertThat(waitOf(usual)).as("decided before").isEqualTo(Duration.ofMinutes(15).toMillis());
  }

  /** How long the order's payment timer waits (the engine's clock stands still in this test). */
  private long waitOf(long order) {
    return records
            .await(
                TimerCreated.class,
                t ->
                    t.processInstanceKey() == order
                        && t.targetElementId().equals("PaymentTimedOut"))
            .dueDate()
        - engine.clock().millis();
  }

  /** What the routing decision gave the reservation step (the order is validated first). */
  @SuppressWarnings("unchecked")
  private List<String> preferenceOf(String orderId) {
    if (seen.stream()
        .noneMatch(
            j ->
                j.getType().equals("stock.reserve")
                    && orderId.equals(j.getVariablesAsMap().get("orderId")))) {
      complete("order.validate", orderId);
    }
    return (List<String>)
        job("stock.reserve", orderId).getVariablesAsMap().get("warehousePreference");
  }

  private void forwardToPayment(String orderId, long order) {
    complete("order.validate", orderId);
    complete("stock.reserve", orderId);
    complete("payment.request", orderId);
    records.await(
        MessageSubscriptionOpened.class,
        s -> s.processInstanceKey() == order && s.messageName().equals("PaymentConfirmed"));
  }

  private void complete(String type, String orderId) {
    client.newCompleteCommand(job(type, orderId).getKey()).send().join();
  }

  /** The order's job of the type: activated now, or earlier by this test. */
  private ActivatedJob job(String type, String orderId) {
    for (int attempt = 0; attempt < 30; attempt++) {
      for (ActivatedJob job : seen) {
        if (job.getType().equals(type) && orderId.equals(job.getVariablesAsMap().get("orderId"))) {
          return job;
        }
      }
      seen.addAll(
          client
              .newActivateJobsCommand()
              .jobType(type)
              .maxJobsToActivate(10)
              .timeout(Duration.ofHours(1))
              .requestTimeout(Duration.ofSeconds(1))
              .send()
              .join()
              .getJobs());
    }
    throw new AssertionError("Expected a job of type " + type + " for " + orderId + ", but none");
  }

  private long startOrder(String orderId, String country, int quantity, int total) {
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
                List.of(
                    Map.of("sku", "A", "quantity", quantity, "unitPrice", 10, "currency", "EUR")),
                "total",
                total,
                "currency",
                "EUR",
                "shippingAddress",
                Map.of("countryCode", country, "city", "Somewhere")))
        .send()
        .join()
        .getProcessInstanceKey();
  }

  private void deploy(String location, String name, java.util.function.UnaryOperator<String> change)
      throws IOException {
    String model;
    try (InputStream in = EmbeddedEngine.resource(location)) {
      model = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    String changed = change.apply(model);
    assertThat(changed).isNotEqualTo(model);
    client.newDeployResourceCommand().addResourceStringUtf8(changed, name).send().join();
  }
}
