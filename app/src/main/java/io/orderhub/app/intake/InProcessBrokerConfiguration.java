package io.orderhub.app.intake;

import java.nio.file.Path;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The in-process KRaft broker: only in kafka mode, with {@code orderhub.intake.broker.embedded} on
 * (the local profile) and no {@code orderhub.intake.bootstrap-servers} configured — so {@code
 * ./orderhub run --orderhub.intake.mode=kafka} needs no set-up, and any real cluster replaces it by
 * configuration.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IntakeProperties.class)
public class InProcessBrokerConfiguration {

  @Bean(initMethod = "start", destroyMethod = "stop")
  @ConditionalOnExpression(
      "'${orderhub.intake.mode:sync}' == 'kafka'"
          + " and ${orderhub.intake.broker.embedded:false}"
          + " and '${orderhub.intake.bootstrap-servers:}'.isBlank()")
  InProcessKafkaBroker inProcessKafkaBroker(IntakeProperties properties) {
    IntakeProperties.Broker broker = properties.broker();
    return new InProcessKafkaBroker(
        Path.of(broker.dataDir()), broker.port(), broker.controllerPort(), properties.partitions());
  }
}
