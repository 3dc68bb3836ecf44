package io.orderhub.compensation.scenarios;

import com.zaxxer.hikari.HikariDataSource;
import io.camunda.client.annotation.Deployment;
import io.orderhub.compensation.CompensationConfiguration;
import io.orderhub.domain.DomainConfiguration;
import io.orderhub.domain.EmbeddedPostgresServer;
import io.orderhub.domain.inventory.application.InventoryService;
import io.orderhub.domain.inventory.infrastructure.Reservations;
import io.orderhub.domain.inventory.infrastructure.Stocks;
import io.orderhub.domain.outbox.application.OutboxWriter;
import io.orderhub.domain.payment.application.PaymentService;
import io.orderhub.domain.payment.infrastructure.Payments;
import io.orderhub.domain.payment.infrastructure.SimulatedPaymentProvider;
import io.orderhub.domain.payment.routing.WeightedPaymentRouter;
import io.orderhub.domain.shipment.application.GuardedCarrier;
import io.orderhub.domain.shipment.application.ShipmentService;
import io.orderhub.domain.shipment.infrastructure.InventoryReservedGoods;
import io.orderhub.domain.shipment.infrastructure.Shipments;
import io.orderhub.workers.WorkersConfiguration;
import io.orderhub.workers.payment.PaymentCallbackCorrelator;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The workers as an application runs them: Boot, the domain on a fresh PostgreSQL database, the
 * Camunda starter pointed at the embedded engine ({@link EmbeddedEngineInitializer}) and the models
 * deployed by the starter's {@code @Deployment}. The test-only parts: the {@link StepGate} in front
 * of the forward domain calls, and the payment simulator answering through the {@link
 * PaymentCallbackCorrelator} when a scenario says so.
 */
@SpringBootApplication
@Import({DomainConfiguration.class, WorkersConfiguration.class, CompensationConfiguration.class})
@Deployment(
    resources = {
      "classpath:bpmn/order-fulfillment.bpmn",
      "classpath:bpmn/order-return.bpmn",
      "classpath:bpmn/fulfilment-routing.dmn",
      "classpath:bpmn/payment-timeout.dmn"
    })
public class ScenarioApplication {

  @Bean
  HikariDataSource dataSource() {
    return EmbeddedPostgresServer.freshDatabase();
  }

  @Bean
  StepGate stepGate() {
    return new StepGate();
  }

  @Bean
  @Primary
  InventoryService gatedInventoryService(
      Stocks stocks,
      Reservations reservations,
      OutboxWriter outbox,
      PlatformTransactionManager transactions,
      StepGate gate) {
    return new GatedServices.Inventory(stocks, reservations, outbox, transactions, gate);
  }

  @Bean
  @Primary
  PaymentService gatedPaymentService(
      Payments payments,
      OutboxWriter outbox,
      WeightedPaymentRouter router,
      PlatformTransactionManager transactions,
      StepGate gate) {
    // the application's router: provider calls are guarded (time limit, breaker) as in production
    return new GatedServices.Payment(payments, outbox, router, transactions, gate);
  }

  @Bean
  @Primary
  ShipmentService gatedShipmentService(
      Shipments shipments,
      InventoryService inventory,
      io.orderhub.domain.shipment.application.DispatchSlots slots,
      OutboxWriter outbox,
      GuardedCarrier carrier,
      PlatformTransactionManager transactions,
      StepGate gate) {
    return new GatedServices.Shipping(
        shipments,
        new InventoryReservedGoods(inventory),
        slots,
        outbox,
        carrier.asCarrier(),
        transactions,
        gate);
  }

  /** What the application does too: the provider's answers become the process's messages. */
  @Bean
  SmartInitializingSingleton paymentCallbacksToProcess(
      SimulatedPaymentProvider simulator, PaymentCallbackCorrelator correlator) {
    return () -> simulator.connect(correlator);
  }
}
