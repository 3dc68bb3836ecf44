package io.orderhub.domain.inventory.infrastructure;

import io.orderhub.domain.inventory.application.InventoryService;
import io.orderhub.domain.outbox.application.OutboxWriter;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

@Configuration(proxyBeanMethods = false)
public class InventoryConfiguration {

  @Bean
  InventoryService inventoryService(
      Stocks stocks,
      Reservations reservations,
      OutboxWriter outbox,
      PlatformTransactionManager transactionManager,
      ObjectProvider<Clock> clock) {
    return new InventoryService(
        stocks, reservations, outbox, transactionManager, clock.getIfAvailable(Clock::systemUTC));
  }
}
