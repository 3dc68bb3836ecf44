package io.orderhub.compensation.scenarios;

import io.orderhub.bpmn.testing.EmbeddedEngine;
import io.orderhub.engine.security.EngineCredentials;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Starts the embedded engine in-process on free ports before the context refreshes, points the
 * Camunda starter at it ({@code camunda.client.rest-address}, {@code camunda.client.grpc-address})
 * with the test admin's credentials, and registers it as a bean that is closed with the context —
 * after the client and its workers, which were created later.
 */
public class EmbeddedEngineInitializer
    implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    Path dataDir;
    try {
      dataDir = Files.createTempDirectory("orderhub-scenario-engine");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    EmbeddedEngine engine = EmbeddedEngine.start(dataDir);
    context
        .getEnvironment()
        .getPropertySources()
        .addFirst(
            new MapPropertySource(
                "embeddedEngine",
                Map.of(
                    "camunda.client.rest-address", engine.restAddress().toString(),
                    "camunda.client.grpc-address", engine.grpcAddress().toString())));
    DefaultListableBeanFactory beans = (DefaultListableBeanFactory) context.getBeanFactory();
    beans.registerSingleton("embeddedEngine", engine);
    // the starter's client logs in with these instead of its (unauthenticated) default
    beans.registerSingleton("engineCredentials", EngineCredentials.TEST_ADMIN.provider());
    beans.registerDisposableBean("embeddedEngine", engine::close);
  }
}
