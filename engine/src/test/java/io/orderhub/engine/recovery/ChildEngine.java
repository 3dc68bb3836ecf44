package io.orderhub.engine.recovery;

import static io.orderhub.engine.testing.Transport.REST;
import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.orderhub.engine.EngineMain;
import io.orderhub.engine.security.EngineCredentials;
import io.orderhub.engine.security.SecurityConfig;
import io.orderhub.engine.testing.Transport;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An engine in a separate JVM, killable with SIGKILL; its output goes to a log file. */
final class ChildEngine implements AutoCloseable {

  private static final Duration READY_WITHIN = Duration.ofSeconds(120);

  private static final Pattern RECOVERED =
      Pattern.compile("Recovered engine state at position (\\d+) \\((\\d+) batches replayed\\)");

  final Path log;
  private final Process process;
  private final int grpcPort;
  private final int restPort;
  private final Map<Transport, CamundaClient> clients = new EnumMap<>(Transport.class);

  private ChildEngine(Path log, Process process, int grpcPort, int restPort) {
    this.log = log;
    this.process = process;
    this.grpcPort = grpcPort;
    this.restPort = restPort;
  }

  /** Without the read model: these crash tests are about the journal (ExporterCrashTest is not). */
  static ChildEngine start(Path data, Path log, Long snapshotEvery) throws Exception {
    return start(data, log, snapshotEvery, List.of("--secondary-storage-url", "none"));
  }

  static ChildEngine start(Path data, Path log, Long snapshotEvery, List<String> extraArgs)
      throws Exception {
    int grpcPort = freePort();
    int restPort = freePort();
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                EngineMain.class.getName(),
                "--data-dir",
                data.toString(),
                "--grpc-port",
                "" + grpcPort,
                "--rest-port",
                "" + restPort,
                "--monitoring-port",
                "0"));
    if (snapshotEvery != null) {
      command.addAll(List.of("--snapshot-every", "" + snapshotEvery));
    }
    command.addAll(extraArgs);
    command.addAll(List.of("--admin-user", EngineCredentials.TEST_ADMIN.username()));
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder
        .environment()
        .put(SecurityConfig.ADMIN_PASSWORD_ENV, EngineCredentials.TEST_ADMIN.password());
    Process process = builder.start();
    ChildEngine child = new ChildEngine(log, process, grpcPort, restPort);
    try {
      child.awaitReady();
    } catch (Throwable e) {
      child.close();
      throw e;
    }
    return child;
  }

  /**
   * Polls the topology over both transports until both answer. The pause between attempts is a wait
   * for the process to exit, so an engine that dies while starting fails the test at once.
   */
  private void awaitReady() throws Exception {
    long deadline = System.nanoTime() + READY_WITHIN.toNanos();
    for (Transport transport : Transport.values()) {
      while (true) {
        try {
          client(transport)
              .newTopologyRequest()
              .requestTimeout(Duration.ofSeconds(2))
              .send()
              .join();
          break;
        } catch (RuntimeException notYet) {
          if (System.nanoTime() > deadline) {
            throw new AssertionError(
                "Expected the engine to answer over %s within %s"
                    .formatted(transport, READY_WITHIN),
                notYet);
          }
        }
        try {
          process.onExit().get(100, TimeUnit.MILLISECONDS);
          throw new AssertionError(
              "Expected the engine to start, but it exited with " + process.exitValue());
        } catch (TimeoutException stillStarting) {
          // alive and not answering yet: try again
        } catch (ExecutionException e) {
          throw new AssertionError(e);
        }
      }
    }
  }

  /** The position recovered to and the number of batches replayed, from the engine's log. */
  long[] recovered() {
    Matcher matcher = RECOVERED.matcher(output());
    assertThat(matcher.find()).as("recovery logged").isTrue();
    return new long[] {Long.parseLong(matcher.group(1)), Long.parseLong(matcher.group(2))};
  }

  CamundaClient client(Transport transport) {
    return clients.computeIfAbsent(transport, this::newClient);
  }

  CamundaClient newClient(Transport transport) {
    return CamundaClient.newClientBuilder()
        .applyEnvironmentVariableOverrides(false)
        .restAddress(URI.create("http://localhost:" + restPort))
        .grpcAddress(URI.create("http://localhost:" + grpcPort))
        .preferRestOverGrpc(transport == REST)
        .credentialsProvider(EngineCredentials.TEST_ADMIN.provider())
        .defaultRequestTimeout(Duration.ofSeconds(10))
        .build();
  }

  /** SIGKILL: no shutdown hook, no final snapshot, no flush. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("killed engine exited").isTrue();
  }

  /** SIGTERM: the clean shutdown path. */
  void stop() throws InterruptedException {
    closeClients();
    process.destroy();
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("stopped engine exited").isTrue();
  }

  String output() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      return "(no output: " + e + ")";
    }
  }

  private void closeClients() {
    clients.values().forEach(CamundaClient::close);
    clients.clear();
  }

  @Override
  public void close() {
    closeClients();
    if (process.isAlive()) {
      process.destroyForcibly();
      try {
        process.waitFor(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    }
  }
}
