package io.orderhub.app.local;

import io.camunda.client.CamundaClient;
import io.camunda.client.CredentialsProvider;
import io.orderhub.engine.Engine;
import io.orderhub.engine.EngineConfig;
import io.orderhub.engine.metrics.MonitoringConfig;
import io.orderhub.engine.security.EngineCredentials;
import io.orderhub.engine.security.ResourceType;
import io.orderhub.engine.security.ResourceType.Permission;
import io.orderhub.engine.security.SecurityConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
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

  /** The engine user the app's Camunda client and its job workers authenticate as. */
  public static final String APP_USER = "orderhub-app";

  @Bean(name = ENGINE_BEAN, destroyMethod = "close")
  Engine embeddedEngine(EmbeddedEngineProperties properties) throws IOException {
    Path dataDir = Path.of(properties.dataDir()).toAbsolutePath().normalize();
    EngineConfig config =
        EngineConfig.defaults(dataDir)
            .withPorts(properties.grpcPort(), properties.restPort())
            .withSecurity(security(properties));
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

  private static SecurityConfig security(EmbeddedEngineProperties properties) {
    SecurityConfig security =
        switch (properties.auth().toLowerCase(Locale.ROOT)) {
          case "basic" -> SecurityConfig.defaults();
          case "none" -> SecurityConfig.none();
          default ->
              throw new IllegalArgumentException(
                  "orderhub.engine.auth must be basic or none, but was '"
                      + properties.auth()
                      + "'");
        };
    security = security.withHost(properties.host());
    String adminPassword =
        properties.adminPassword().isBlank()
            ? System.getenv(SecurityConfig.ADMIN_PASSWORD_ENV)
            : properties.adminPassword();
    return adminPassword == null || adminPassword.isBlank()
        ? security
        : security.withAdminPassword(adminPassword);
  }

  /**
   * The app's own client authenticates as {@value #APP_USER}, a user holding only what the app
   * does: deploy its models, read definitions, start instances, publish messages, and work jobs.
   * Its password is new at every start and never leaves this process, so no secret needs
   * configuring for the all-in-one run.
   */
  @Bean
  CredentialsProvider embeddedEngineCredentials(Engine embeddedEngine) {
    if (!embeddedEngine.security().enabled()) {
      return new CredentialsProvider() {
        @Override
        public void applyCredentials(CredentialsApplier applier) {}

        @Override
        public boolean shouldRetryRequest(StatusCode statusCode) {
          return false;
        }
      };
    }
    String password = UUID.randomUUID() + "-" + UUID.randomUUID();
    embeddedEngine
        .security()
        .provisionUser(
            APP_USER,
            password,
            Map.of(
                ResourceType.RESOURCE,
                Set.of(Permission.CREATE, Permission.READ),
                ResourceType.PROCESS_DEFINITION,
                Set.of(
                    Permission.READ_PROCESS_DEFINITION,
                    Permission.READ_PROCESS_INSTANCE,
                    Permission.CREATE_PROCESS_INSTANCE,
                    Permission.UPDATE_PROCESS_INSTANCE),
                ResourceType.MESSAGE,
                Set.of(Permission.CREATE)));
    return new EngineCredentials(APP_USER, password).provider();
  }

  /** The client (and whatever uses it at startup) comes after the engine, and goes before it. */
  @Bean
  static BeanFactoryPostProcessor camundaClientAfterEmbeddedEngine() {
    return DependsOn.beansOfType(CamundaClient.class, ENGINE_BEAN);
  }
}
