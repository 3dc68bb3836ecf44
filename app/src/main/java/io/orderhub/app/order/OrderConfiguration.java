package io.orderhub.app.order;

import io.orderhub.app.process.ProcessMessages;
import io.orderhub.app.process.ProcessStarter;
import io.orderhub.domain.inventory.application.InventoryService;
import io.orderhub.domain.order.application.OrderService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration(proxyBeanMethods = false)
@EnableJpaRepositories(basePackageClasses = OrderQueries.class)
public class OrderConfiguration {

  @Bean
  OrderUseCases orderUseCases(
      OrderService orders,
      OrderQueries queries,
      ProcessStarter starter,
      ProcessMessages messages,
      PlatformTransactionManager transactionManager,
      InventoryService inventory,
      OrderAccess access) {
    TransactionTemplate readOnly = new TransactionTemplate(transactionManager);
    readOnly.setReadOnly(true);
    return new OrderUseCases(
        orders, queries, starter, messages, readOnly, new KnownSkus(inventory), access);
  }
}
