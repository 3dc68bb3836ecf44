package io.orderhub.domain.shipment.infrastructure;

import io.orderhub.domain.inventory.application.InventoryService;
import io.orderhub.domain.outbox.application.OutboxWriter;
import io.orderhub.domain.shipment.application.ShipmentService;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

@Configuration(proxyBeanMethods = false)
public class ShipmentConfiguration {

  @Bean
  ShipmentService shipmentService(
      Shipments shipments,
      InventoryService inventory,
      OutboxWriter outbox,
      PlatformTransactionManager transactionManager,
      ObjectProvider<Clock> clock) {
    return new ShipmentService(
        shipments,
        new InventoryReservedGoods(inventory),
        outbox,
        transactionManager,
        clock.getIfAvailable(Clock::systemUTC));
  }
}
