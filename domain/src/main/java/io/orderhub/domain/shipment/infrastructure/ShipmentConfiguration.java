package io.orderhub.domain.shipment.infrastructure;

import io.orderhub.domain.inventory.application.InventoryService;
import io.orderhub.domain.outbox.application.OutboxWriter;
import io.orderhub.domain.resilience.Guard;
import io.orderhub.domain.resilience.InjectedFaults;
import io.orderhub.domain.resilience.ResilienceProperties;
import io.orderhub.domain.shipment.application.Carrier;
import io.orderhub.domain.shipment.application.DispatchCapacity;
import io.orderhub.domain.shipment.application.DispatchSlots;
import io.orderhub.domain.shipment.application.GuardedCarrier;
import io.orderhub.domain.shipment.application.ShipmentService;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Wires the shipment context. Unless {@code orderhub.carrier.provider=external} (then the
 * application provides its own {@link Carrier} bean), the {@link SimulatedCarrier} books the
 * pick-ups, showing the faults of {@code orderhub.carrier.simulator.latency} / {@code
 * .failure-rate}. The carrier is always called through a guard ({@code
 * orderhub.resilience.carrier.*}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ResilienceProperties.class)
public class ShipmentConfiguration {

  /**
   * {@code orderhub.shipment.dispatch.daily-capacity} (default 10000 parcels a day per node),
   * {@code orderhub.shipment.dispatch.daily-capacity-of.<warehouse>}, {@code
   * orderhub.shipment.dispatch.horizon-days} (30).
   */
  @Bean
  DatabaseDispatchSlots databaseDispatchSlots(DataSource dataSource, Environment environment) {
    Binder binder = Binder.get(environment);
    String prefix = "orderhub.shipment.dispatch.";
    DispatchCapacity capacity =
        new DispatchCapacity(
            binder.bind(prefix + "daily-capacity", Integer.class).orElse(10_000),
            binder
                .bind(prefix + "daily-capacity-of", Bindable.mapOf(String.class, Integer.class))
                .orElse(Map.of()),
            binder.bind(prefix + "horizon-days", Integer.class).orElse(30));
    return new DatabaseDispatchSlots(JdbcClient.create(dataSource), capacity);
  }

  @Bean
  @ConditionalOnProperty(
      name = "orderhub.carrier.provider",
      havingValue = "simulated",
      matchIfMissing = true)
  SimulatedCarrier simulatedCarrier(
      @Value("${orderhub.carrier.simulator.latency:0ms}") Duration latency,
      @Value("${orderhub.carrier.simulator.failure-rate:0}") double failureRate) {
    return new SimulatedCarrier(new InjectedFaults(latency, failureRate));
  }

  @Bean
  GuardedCarrier guardedCarrier(Carrier carrier, ResilienceProperties resilience) {
    return new GuardedCarrier(carrier, new Guard("carrier", resilience.carrier().settings()));
  }

  /** Redis's allocator when one is configured (it is {@code @Primary}), else the database's. */
  @Bean
  ShipmentService shipmentService(
      Shipments shipments,
      InventoryService inventory,
      ObjectProvider<DispatchSlots> slots,
      DatabaseDispatchSlots databaseSlots,
      OutboxWriter outbox,
      GuardedCarrier carrier,
      PlatformTransactionManager transactionManager,
      ObjectProvider<Clock> clock) {
    return new ShipmentService(
        shipments,
        new InventoryReservedGoods(inventory),
        slots.getIfAvailable(() -> databaseSlots),
        outbox,
        carrier.asCarrier(),
        transactionManager,
        clock.getIfAvailable(Clock::systemUTC));
  }
}
