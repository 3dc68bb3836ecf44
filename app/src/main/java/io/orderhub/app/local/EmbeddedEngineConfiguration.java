package io.orderhub.app.local;

import io.camunda.client.CamundaClient;
import io.orderhub.engine.Engine;
import io.orderhub.engine.EngineConfig;
import io.orderhub.engine.metrics.MonitoringConfig;
import java.io.IOException;
import java.nio.file.Path;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts Order Hub's engine in-process ({@code orderhub.engine.embedded=true}, the local profile):
 * gRPC and REST gateways on their usual ports, data under {@code orderhub.engine.data-dir}. This is
 * the only place the application touches engine classes; everything else reaches the engine over
 * the wire through the Camunda client, exactly as it reaches a remote one.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EmbeddedEngineProperties.class)
@ConditionalOnProperty(name = "orderhub.engine.embedded", havingValue = "true")
public class EmbeddedEngineConfiguration {

  static final String ENGINE_BEAN = "embeddedEngine";

  @Bean(name = ENGINE_BEAN, destroyMethod = "close")
  Engine embeddedEngine(EmbeddedEngineProperties properties) throws IOException {
    Path dataDir = Path.of(properties.dataDir()).toAbsolutePath().normalize();
    EngineConfig config =
        EngineConfig.defaults(dataDir).withPorts(properties.grpcPort(), properties.restPort());
    if (!properties.secondaryStorageUrl().isBlank()) {
      config =
          config.withSecondaryStorage(
              config
                  .secondaryStorage()
                  .withUrl(
                      properties.secondaryStorageUrl(),
                      properties.secondaryStorageUser(),
                      properties.secondaryStoragePassword()));
    }
    return Engine.start(
        config,
        MonitoringConfig.on(properties.monitoringPort()).withWedgedAfter(properties.wedgedAfter()));
  }

  /** The client (and whatever uses it at startup) comes after the engine, and goes before it. */
  @Bean
  static BeanFactoryPostProcessor camundaClientAfterEmbeddedEngine() {
    return DependsOn.beansOfType(CamundaClient.class, ENGINE_BEAN);
  }
}
