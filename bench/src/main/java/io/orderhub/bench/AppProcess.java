package io.orderhub.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The all-in-one application jar (embedded engine and PostgreSQL, simulated payments answering by
 * themselves) as a child process on free ports and a data directory of the bench's, as a new user
 * runs it: {@code java -jar app.jar}.
 */
final class AppProcess implements AutoCloseable {

  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(2))
          .build();

  final int httpPort;
  final int grpcPort;
  final int postgresPort;
  private final String token;
  private final Process process;

  private AppProcess(int httpPort, int grpcPort, int postgresPort, String token, Process process) {
    this.httpPort = httpPort;
    this.grpcPort = grpcPort;
    this.postgresPort = postgresPort;
    this.token = token;
    this.process = process;
  }

  static AppProcess start(
      Path jar, Path data, List<String> jvmArgs, List<String> appArgs, String token)
      throws IOException {
    int http = freePort();
    int grpc = freePort();
    int postgres = freePort();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmArgs);
    command.addAll(
        List.of(
            "-jar",
            jar.toAbsolutePath().toString(),
            "--server.port=" + http,
            "--orderhub.grpc.port=" + grpc,
            "--orderhub.engine.grpc-port=" + freePort(),
            "--orderhub.engine.rest-port=" + freePort(),
            "--orderhub.engine.monitoring-port=" + freePort(),
            "--orderhub.postgres.port=" + postgres,
            "--orderhub.engine.data-dir=" + data.resolve("engine"),
            "--orderhub.postgres.data-dir=" + data.resolve("postgres")));
    command.addAll(appArgs);
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(data.resolve("app.log").toFile()))
            .start();
    return new AppProcess(http, grpc, postgres, token, process);
  }

  String jdbcUrl() {
    return "jdbc:postgresql://localhost:" + postgresPort + "/postgres";
  }

  void awaitReady(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "Expected the application to start, but it exited with " + process.exitValue());
      }
      try {
        if (send("GET", "/actuator/health/readiness", null).statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // the port is not open yet
      }
      Thread.sleep(200); // a poll interval of the harness
    }
    throw new IllegalStateException("Expected the application to be ready within " + timeout);
  }

  /** Enough stock that no run ends in OUT_OF_STOCK: the bench measures the happy path. */
  void stockUp(int units) throws IOException, InterruptedException {
    for (String warehouse : OrderBodies.WAREHOUSES) {
      HttpResponse<String> response =
          send(
              "PUT",
              "/api/stock/" + OrderBodies.SKU + "/" + warehouse,
              "{\"available\":" + units + "}");
      if (response.statusCode() != 200) {
        throw new IllegalStateException(
            "Expected the stock count to be taken, but got "
                + response.statusCode()
                + ": "
                + response.body());
      }
    }
  }

  private HttpResponse<String> send(String method, String path, String body)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + httpPort + path))
            // a just-started application on a loaded machine can take this long to answer
            .timeout(Duration.ofSeconds(120))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** SIGTERM and wait: Spring closes the context, the JFR recording (if any) is written. */
  @Override
  public void close() throws InterruptedException {
    process.destroy();
    process.waitFor();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
