package io.orderhub.app;

import io.camunda.client.CamundaClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole application on the local profile — the engine and a real PostgreSQL in-process — on
 * free ports, driven over its real HTTP and gRPC ports. All subclasses share one context (Spring
 * caches it); their data never collide because each test makes its own customers and keys.
 */
@SpringBootTest(
    classes = OrderHubApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"local", "test"})
public abstract class ApplicationTest {

  @DynamicPropertySource
  static void embeddedServers(DynamicPropertyRegistry registry) {
    TestServers.register(registry, true);
  }

  @LocalServerPort protected int httpPort;

  @Autowired protected CamundaClient camunda;

  protected Http http() {
    return new Http(httpPort);
  }
}
