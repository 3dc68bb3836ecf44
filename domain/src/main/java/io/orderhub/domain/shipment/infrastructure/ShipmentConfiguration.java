package io.orderhub.domain.shipment.infrastructure;

import io.orderhub.domain.inventory.application.InventoryService;
import io.orderhub.domain.outbox.application.OutboxWriter;
import io.orderhub.domain.shipment.application.DispatchCapacity;
import io.orderhub.domain.shipment.application.DispatchSlots;
import io.orderhub.domain.shipment.application.ShipmentService;
import java.time.Clock;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

@Configuration(proxyBeanMethods = false)
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

  /** Redis's allocator when one is configured (it is {@code @Primary}), else the database's. */
  @Bean
  ShipmentService shipmentService(
      Shipments shipments,
      InventoryService inventory,
      ObjectProvider<DispatchSlots> slots,
      DatabaseDispatchSlots databaseSlots,
      OutboxWriter outbox,
      PlatformTransactionManager transactionManager,
      ObjectProvider<Clock> clock) {
    return new ShipmentService(
        shipments,
        new InventoryReservedGoods(inventory),
        slots.getIfAvailable(() -> databaseSlots),
        outbox,
        transactionManager,
        clock.getIfAvailable(Clock::systemUTC));
  }
}
