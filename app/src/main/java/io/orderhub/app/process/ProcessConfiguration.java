package io.orderhub.app.process;

import io.camunda.client.CamundaClient;
import io.orderhub.app.schema.AppSchema;
import io.orderhub.domain.order.application.OrderService;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ProcessProperties.class)
public class ProcessConfiguration {

  @Bean
  ProcessStarts processStarts(DataSource dataSource, AppSchema schema) {
    return new ProcessStarts(JdbcClient.create(dataSource), schema);
  }

  @Bean
  ProcessStarter processStarter(
      CamundaClient client,
      ProcessStarts starts,
      ProcessProperties properties,
      ObjectProvider<Clock> clock) {
    return new ProcessStarter(client, starts, properties, clock.getIfAvailable(Clock::systemUTC));
  }

  @Bean
  ModelVersions modelVersions(DataSource dataSource, AppSchema schema) {
    return new ModelVersions(JdbcClient.create(dataSource), schema);
  }

  @Bean
  ProcessDeployer processDeployer(
      CamundaClient client,
      ResourcePatternResolver resolver,
      ProcessProperties properties,
      ModelVersions versions) {
    return new ProcessDeployer(client, resolver, properties, versions);
  }

  @Bean
  ProcessMessages processMessages(CamundaClient client, ProcessProperties properties) {
    return new ProcessMessages(client, properties);
  }

  @Bean
  ProcessStartRetry processStartRetry(
      ProcessStarts starts,
      ProcessStarter starter,
      ProcessDeployer deployer,
      OrderService orders,
      ProcessProperties properties,
      ObjectProvider<Clock> clock) {
    return new ProcessStartRetry(
        starts, starter, deployer, orders, properties, clock.getIfAvailable(Clock::systemUTC));
  }

  /** Deploys as soon as the application is up; the sweep repeats it should the engine be away. */
  @Bean
  ApplicationListener<ApplicationReadyEvent> deployProcessModels(ProcessDeployer deployer) {
    return event -> deployer.ensureDeployed();
  }
}
