package io.orderhub.bpmn.testing;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.DeploymentEvent;
import io.orderhub.engine.Engine;
import io.orderhub.engine.EngineConfig;
import io.orderhub.engine.clock.ControlledClock;
import io.orderhub.engine.security.EngineCredentials;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * The embedded engine for model and scenario tests: free ports, a {@link ControlledClock} (timers,
 * job time-outs and retry back-offs move only when a test advances it), and every committed event
 * in {@link ProcessRecords}. Tests talk to it only through the official client.
 */
public final class EmbeddedEngine implements AutoCloseable {

  /** Classpath locations of the business models (in the bpmn module's jar). */
  public static final String ORDER_FULFILLMENT = "bpmn/order-fulfillment.bpmn";

  public static final String ORDER_RETURN = "bpmn/order-return.bpmn";

  /** The decisions order-fulfillment calls from its business rule tasks. */
  public static final String FULFILMENT_ROUTING = "bpmn/fulfilment-routing.dmn";

  public static final String PAYMENT_TIMEOUT = "bpmn/payment-timeout.dmn";

  private final Engine engine;
  private final ControlledClock clock;
  private final ProcessRecords records = new ProcessRecords();

  private EmbeddedEngine(Path dataDir, ControlledClock clock) throws IOException {
    this.clock = clock;
    this.engine =
        Engine.start(
            EngineConfig.defaults(dataDir)
                .withPorts(0, 0)
                .withClock(clock)
                .withSecurity(EngineCredentials.TEST_ADMIN.asAdmin()));
    engine.addListener(records);
  }

  public static EmbeddedEngine start(Path dataDir) {
    try {
      return new EmbeddedEngine(
          dataDir, new ControlledClock(Instant.parse("2026-01-01T00:00:00Z")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public URI restAddress() {
    return URI.create("http://localhost:" + engine.restPort());
  }

  public URI grpcAddress() {
    return URI.create("http://localhost:" + engine.grpcPort());
  }

  /** A new client of the engine (REST preferred, as the client's default); close it after use. */
  public CamundaClient newClient() {
    return CamundaClient.newClientBuilder()
        .applyEnvironmentVariableOverrides(false)
        .restAddress(restAddress())
        .grpcAddress(grpcAddress())
        .credentialsProvider(EngineCredentials.TEST_ADMIN.provider())
        .defaultRequestTimeout(Duration.ofSeconds(20))
        .build();
  }

  /** Deploys both business models and the decisions they call in one deployment. */
  public static DeploymentEvent deployModels(CamundaClient client) {
    return client
        .newDeployResourceCommand()
        .addResourceStream(resource(ORDER_FULFILLMENT), "order-fulfillment.bpmn")
        .addResourceStream(resource(ORDER_RETURN), "order-return.bpmn")
        .addResourceStream(resource(FULFILMENT_ROUTING), "fulfilment-routing.dmn")
        .addResourceStream(resource(PAYMENT_TIMEOUT), "payment-timeout.dmn")
        .send()
        .join();
  }

  public static InputStream resource(String location) {
    InputStream in = EmbeddedEngine.class.getClassLoader().getResourceAsStream(location);
    if (in == null) {
      throw new IllegalStateException("Expected " + location + " on the classpath, but it is not");
    }
    return in;
  }

  public ControlledClock clock() {
    return clock;
  }

  public ProcessRecords records() {
    return records;
  }

  /** Moves the engine's time on: due timers fire, timed-out jobs and back-offs come due. */
  public void advanceClock(Duration by) {
    clock.advance(by);
  }

  @Override
  public void close() {
    engine.close();
  }
}
