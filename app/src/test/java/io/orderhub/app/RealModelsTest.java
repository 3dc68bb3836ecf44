package io.orderhub.app;

import io.orderhub.domain.payment.application.PaymentService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The application as a user of the local run meets it: the real models of {@code bpmn/} with the
 * real workers, the simulated provider answering on its own. Subclasses share one context.
 */
@SpringBootTest(
    classes = OrderHubApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "orderhub.process.deployment.resources=classpath*:bpmn/*.bpmn,classpath*:bpmn/*.dmn",
      "orderhub.payment.simulator.delivery=async",
      "camunda.client.execution-threads=4"
    })
@ActiveProfiles({"local", "test"})
public abstract class RealModelsTest {

  @DynamicPropertySource
  static void embeddedServers(DynamicPropertyRegistry registry) {
    TestServers.register(registry, true);
  }

  @LocalServerPort protected int httpPort;

  @Autowired protected PaymentService payments;

  protected Http http() {
    return new Http(httpPort);
  }
}
