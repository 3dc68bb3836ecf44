package io.orderhub.domain.outbox.infrastructure;

import io.orderhub.domain.outbox.application.OutboxObserver;
import io.orderhub.domain.outbox.application.OutboxRelay;
import io.orderhub.domain.outbox.application.OutboxWriter;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

@Configuration(proxyBeanMethods = false)
public class OutboxConfiguration {

  @Bean
  OutboxTable outboxTable(DataSource dataSource) {
    return new OutboxTable(JdbcClient.create(dataSource));
  }

  @Bean
  OutboxWriter outboxWriter(
      OutboxTable table, ObjectProvider<Clock> clock, ObjectProvider<OutboxObserver> observers) {
    return new OutboxWriter(
        table,
        new EventJson(),
        clock.getIfAvailable(Clock::systemUTC),
        observers.orderedStream().toList());
  }

  @Bean
  OutboxRelay outboxRelay(
      OutboxTable table,
      PlatformTransactionManager transactionManager,
      ObjectProvider<Clock> clock,
      @Value("${orderhub.outbox.relay.batch-size:500}") int batchSize) {
    return new OutboxRelay(
        table, transactionManager, clock.getIfAvailable(Clock::systemUTC), batchSize);
  }
}
