package io.orderhub.compensation.scenarios;

import io.camunda.client.CamundaClient;
import io.orderhub.bpmn.testing.EmbeddedEngine;
import io.orderhub.bpmn.testing.ProcessRecords;
import io.orderhub.domain.inventory.application.InventoryService;
import io.orderhub.domain.inventory.model.StockLevel;
import io.orderhub.domain.order.application.OrderService;
import io.orderhub.domain.order.application.PlaceOrder;
import io.orderhub.domain.order.model.CustomerId;
import io.orderhub.domain.order.model.IdempotencyKey;
import io.orderhub.domain.order.model.Order;
import io.orderhub.domain.order.model.OrderLine;
import io.orderhub.domain.order.model.OrderStatus;
import io.orderhub.domain.order.model.ShippingAddress;
import io.orderhub.domain.payment.application.PaymentService;
import io.orderhub.domain.payment.infrastructure.SimulatedPaymentProvider;
import io.orderhub.domain.payment.model.Payment;
import io.orderhub.domain.shared.model.Money;
import io.orderhub.domain.shared.model.OrderId;
import io.orderhub.domain.shared.model.Sku;
import io.orderhub.domain.shared.model.WarehouseId;
import io.orderhub.domain.shipment.application.ShipmentService;
import io.orderhub.engine.record.EngineEvent.MessageSubscriptionOpened;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;

/**
 * A scenario runs real orders end to end: placed in the domain (PostgreSQL), started on the
 * embedded engine through the official client, worked by the application's job workers through the
 * Camunda starter. Waits are bounded and driven by what the engine committed or the database shows
 * — never by sleeping. All scenario classes share one application context (one engine, one
 * database); each test makes its own orders and SKUs, and drives every order it starts to its end
 * so that a later test's clock jump fires no timer of it.
 */
@SpringBootTest(classes = ScenarioApplication.class)
@ContextConfiguration(initializers = EmbeddedEngineInitializer.class)
abstract class ScenarioTest {

  /** Outbox event types that a compensation writes. */
  static final Set<String> COMPENSATION_EVENTS =
      Set.of("ShipmentRecalled", "PaymentRefunded", "PaymentVoided", "StockReleased");

  @Autowired EmbeddedEngine engine;
  @Autowired CamundaClient client;
  @Autowired OrderService orders;
  @Autowired InventoryService inventory;
  @Autowired PaymentService payments;
  @Autowired ShipmentService shipments;
  @Autowired SimulatedPaymentProvider provider;
  @Autowired StepGate gate;
  @Autowired DataSource dataSource;

  @RegisterExtension
  final TestWatcher dumpRecordsOnFailure =
      new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
          if (engine != null) {
            System.err.println(context.getDisplayName() + " failed\n" + engine.records().dump());
          }
        }
      };

  /** An order placed in the domain and started as a process instance. */
  record Placed(OrderId id, long processInstanceKey) {
    String key() {
      return id.asString();
    }
  }

  ProcessRecords records() {
    return engine.records();
  }

  static WarehouseId warehouse(String name) {
    return WarehouseId.of(name);
  }

  /** A new SKU with {@code units} available in {@code warehouse}. */
  Sku stock(String warehouse, int units) {
    Sku sku = Sku.of("SKU-" + UUID.randomUUID());
    inventory.receive(sku, warehouse(warehouse), units);
    return sku;
  }

  static OrderLine line(Sku sku, int quantity, String unitPrice) {
    return new OrderLine(sku, quantity, Money.of(unitPrice, "EUR"));
  }

  /** Places the order in the domain and starts order-fulfillment for it, as the order API does. */
  Placed place(OrderLine... lines) {
    PlaceOrder command =
        new PlaceOrder(
            OrderId.newId(),
            CustomerId.of("customer-" + UUID.randomUUID()),
            IdempotencyKey.of(UUID.randomUUID().toString()),
            List.of(lines),
            new ShippingAddress("Li Wei", "1 Kechuang Road", "Beijing", "100176", "CN"));
    Order order = orders.place(command).order();
    List<Map<String, Object>> lineVariables = new ArrayList<>();
    for (OrderLine line : order.lines()) {
      lineVariables.add(
          Map.of(
              "sku", line.sku().value(),
              "quantity", line.quantity(),
              "unitPrice", line.unitPrice().amount(),
              "currency", line.unitPrice().currency().getCurrencyCode()));
    }
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("orderId", order.orderId().asString());
    variables.put("customerId", order.customerId().value());
    variables.put("lines", lineVariables);
    variables.put("total", order.total().amount());
    variables.put("currency", order.total().currency().getCurrencyCode());
    variables.put("shippingAddress", Map.of("city", "Beijing", "country", "CN"));
    long key =
        client
            .newCreateInstanceCommand()
            .bpmnProcessId("order-fulfillment")
            .latestVersion()
            .variables(variables)
            .send()
            .join()
            .getProcessInstanceKey();
    return new Placed(order.orderId(), key);
  }

  OrderStatus status(Placed order) {
    return orders.get(order.id()).status();
  }

  void awaitStatus(Placed order, OrderStatus status) {
    records().awaitTrue("order " + order.id() + " to be " + status, () -> status(order) == status);
  }

  /** Waits until the order waits for the provider's answer, then lets the provider answer. */
  void pay(Placed order) {
    awaitSubscription(order, "PaymentConfirmed");
    provider.deliverPending();
  }

  void awaitSubscription(Placed order, String message) {
    records()
        .await(
            MessageSubscriptionOpened.class,
            s ->
                s.processInstanceKey() == order.processInstanceKey()
                    && s.messageName().equals(message));
  }

  void publish(String message, Placed order) {
    publish(message, order, Map.of());
  }

  void publish(String message, Placed order, Map<String, Object> variables) {
    client
        .newPublishMessageCommand()
        .messageName(message)
        .correlationKey(order.key())
        .timeToLive(Duration.ofMinutes(1))
        .variables(variables)
        .send()
        .join();
  }

  /** Carrier reports the delivery once the order waits for it. */
  void deliver(Placed order) {
    awaitSubscription(order, "OrderDelivered");
    publish("OrderDelivered", order);
  }

  void awaitEnded(Placed order) {
    records().awaitCompleted(order.processInstanceKey());
  }

  /** The elements the instance completed (element ids), in order. */
  List<String> completed(Placed order) {
    return records().completed(order.processInstanceKey());
  }

  Payment payment(Placed order) {
    return payments.paymentOf(order.id()).orElseThrow();
  }

  StockLevel level(Sku sku, String warehouse) {
    return inventory.stockOf(sku, warehouse(warehouse)).orElseThrow();
  }

  /** Event types the domain wrote for the order, in outbox order. */
  List<String> outbox(Placed order) {
    return JdbcClient.create(dataSource)
        .sql("select event_type from outbox.outbox_event where aggregate_id = ? order by position")
        .param(order.key())
        .query(String.class)
        .list();
  }

  /** The compensations the domain recorded for the order, in the order they ran. */
  List<String> compensations(Placed order) {
    return outbox(order).stream().filter(COMPENSATION_EVENTS::contains).toList();
  }

  long count(List<String> events, String type) {
    return events.stream().filter(type::equals).count();
  }
}
