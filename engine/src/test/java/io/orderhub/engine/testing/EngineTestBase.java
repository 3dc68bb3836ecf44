package io.orderhub.engine.testing;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.response.DeploymentEvent;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.orderhub.engine.Engine;
import io.orderhub.engine.EngineConfig;
import io.orderhub.engine.clock.ControlledClock;
import io.orderhub.engine.record.EngineEvent;
import io.orderhub.engine.security.EngineCredentials;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.junit.jupiter.api.io.TempDir;

/**
 * Black-box test support: an embedded engine on free ports with a controlled clock, and the
 * official client over REST (its default) and over gRPC. On failure the test's record log is
 * printed.
 */
public abstract class EngineTestBase {

  @TempDir protected Path dataDir;
  protected Engine engine;
  protected ControlledClock clock;
  protected RecordLog records;
  private final Map<Transport, CamundaClient> clients = new EnumMap<>(Transport.class);

  @RegisterExtension
  final TestWatcher printRecordsOnFailure =
      new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
          if (records != null) {
            System.err.println(context.getDisplayName() + " failed\n" + records.dump());
          }
        }
      };

  @BeforeEach
  void startEngine() throws IOException {
    clock = new ControlledClock(Instant.parse("2026-01-01T00:00:00Z"));
    startEngineOn(dataDir);
  }

  protected void startEngineOn(Path dir) throws IOException {
    records = new RecordLog();
    engine =
        Engine.start(
            configure(
                EngineConfig.defaults(dir)
                    .withPorts(0, 0)
                    .withClock(clock)
                    .withSecurity(EngineCredentials.TEST_ADMIN.asAdmin())),
            limits());
    engine.addListener(records);
  }

  /** Lets a test class change the engine's limits (per batch, per deployment). */
  protected io.orderhub.engine.processing.EngineLimits limits() {
    return io.orderhub.engine.processing.EngineLimits.DEFAULTS;
  }

  /** Lets a test class change the engine's settings (the base one: free ports, the test clock). */
  protected EngineConfig configure(EngineConfig config) {
    return config;
  }

  protected void restartEngine() throws IOException {
    restartEngine(dir -> {});
  }

  /** Work on the data directory while no engine runs on it (copy it, damage it, ...). */
  @FunctionalInterface
  protected interface WhileStopped {
    void accept(Path dataDir) throws IOException;
  }

  /**
   * Closes the clients and the engine (cleanly: with a final snapshot), runs {@code whileStopped}
   * on the data directory, and starts a new engine on it with the same clock.
   */
  protected void restartEngine(WhileStopped whileStopped) throws IOException {
    closeClients();
    engine.close();
    engine = null;
    whileStopped.accept(dataDir);
    startEngineOn(dataDir);
  }

  @AfterEach
  void stopEngine() {
    closeClients();
    if (engine != null) {
      engine.close();
    }
  }

  private void closeClients() {
    clients.values().forEach(CamundaClient::close);
    clients.clear();
  }

  protected CamundaClient client(Transport transport) {
    return clients.computeIfAbsent(
        transport,
        t ->
            CamundaClient.newClientBuilder()
                .applyEnvironmentVariableOverrides(false)
                .restAddress(URI.create("http://localhost:" + engine.restPort()))
                .grpcAddress(URI.create("http://localhost:" + engine.grpcPort()))
                .preferRestOverGrpc(t == Transport.REST)
                .credentialsProvider(EngineCredentials.TEST_ADMIN.provider())
                .defaultRequestTimeout(Duration.ofSeconds(20))
                .build());
  }

  /** The test admin's {@code Authorization} header value, for raw HTTP requests. */
  protected static String basicAuthorization() {
    return "Basic "
        + java.util.Base64.getEncoder()
            .encodeToString(
                (EngineCredentials.TEST_ADMIN.username()
                        + ":"
                        + EngineCredentials.TEST_ADMIN.password())
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  /** Sends the test admin's credentials on a raw gRPC channel, as the official client does. */
  protected static io.grpc.ClientInterceptor grpcCredentials() {
    io.grpc.Metadata headers = new io.grpc.Metadata();
    headers.put(
        io.grpc.Metadata.Key.of("authorization", io.grpc.Metadata.ASCII_STRING_MARSHALLER),
        basicAuthorization());
    return io.grpc.stub.MetadataUtils.newAttachHeadersInterceptor(headers);
  }

  protected DeploymentEvent deploy(Transport transport, BpmnModelInstance model) {
    return client(transport)
        .newDeployResourceCommand()
        .addProcessModel(model, "process.bpmn")
        .send()
        .join();
  }

  protected ProcessInstanceEvent start(
      Transport transport, String bpmnProcessId, Map<String, Object> variables) {
    return client(transport)
        .newCreateInstanceCommand()
        .bpmnProcessId(bpmnProcessId)
        .latestVersion()
        .variables(variables)
        .send()
        .join();
  }

  /** Activates exactly one job of the type, waiting (long polling) until there is one. */
  protected ActivatedJob activateOne(Transport transport, String type) {
    for (int attempt = 0; attempt < 20; attempt++) {
      List<ActivatedJob> jobs =
          client(transport)
              .newActivateJobsCommand()
              .jobType(type)
              .maxJobsToActivate(1)
              .requestTimeout(Duration.ofSeconds(5))
              .send()
              .join()
              .getJobs();
      if (!jobs.isEmpty()) {
        return jobs.get(0);
      }
    }
    throw new AssertionError("Expected a job of type '" + type + "', but none was activated");
  }

  protected void completeJob(Transport transport, String type, Map<String, Object> variables) {
    ActivatedJob job = activateOne(transport, type);
    client(transport).newCompleteCommand(job.getKey()).variables(variables).send().join();
  }

  protected EngineEvent.ElementCompleted awaitProcessCompleted(long processInstanceKey) {
    return records.await(EngineEvent.ElementCompleted.class, e -> e.key() == processInstanceKey);
  }

  protected boolean completed(long elementInstanceKey) {
    return records.events(EngineEvent.ElementCompleted.class).stream()
        .anyMatch(e -> e.key() == elementInstanceKey);
  }

  protected Map<String, Object> variablesOf(long scopeKey) {
    return engine.processor().read(s -> s.visibleVariables(scopeKey)).join();
  }

  protected static BpmnModelInstance oneTask(String processId, String jobType) {
    return Bpmn.createExecutableProcess(processId)
        .startEvent("start")
        .serviceTask("task", t -> t.zeebeJobType(jobType))
        .endEvent("end")
        .done();
  }
}
