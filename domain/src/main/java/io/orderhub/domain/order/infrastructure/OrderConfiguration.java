package io.orderhub.domain.order.infrastructure;

import io.orderhub.domain.order.application.OrderService;
import io.orderhub.domain.order.model.OrderValidation;
import io.orderhub.domain.outbox.application.OutboxWriter;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

@Configuration(proxyBeanMethods = false)
public class OrderConfiguration {

  @Bean
  OrderService orderService(
      Orders orders,
      OutboxWriter outbox,
      PlatformTransactionManager transactionManager,
      ObjectProvider<Clock> clock,
      ObjectProvider<OrderValidation> validation,
      DataSource dataSource) {
    return new OrderService(
        orders,
        outbox,
        transactionManager,
        clock.getIfAvailable(Clock::systemUTC),
        validation.getIfAvailable(() -> OrderValidation.DEFAULT),
        new OrderHistoryTable(JdbcClient.create(dataSource)));
  }
}
