package io.orderhub.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.UUID;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Ports and data directories for one application context under test: free ports (so tests run
 * beside a local run and other builds) and folders under {@code target/test-data}, removed by
 * {@code mvn clean}.
 */
public final class TestServers {

  private TestServers() {}

  /** A fresh data directory and free ports for the embedded PostgreSQL (and the engine). */
  public static Path register(DynamicPropertyRegistry registry, boolean embeddedEngine) {
    Path dataDir = Path.of("target", "test-data", UUID.randomUUID().toString()).toAbsolutePath();
    registry.add("orderhub.postgres.data-dir", () -> dataDir.resolve("postgres").toString());
    registry.add(
        "orderhub.security.local-issuer.key-file",
        () -> dataDir.resolve("local-issuer/signing-key.pem").toString());
    int postgresPort = freePort();
    registry.add("orderhub.postgres.port", () -> postgresPort);
    int redisPort = freePort();
    registry.add("orderhub.redis.port", () -> redisPort);
    if (embeddedEngine) {
      int grpc = freePort();
      int rest = freePort();
      registry.add("orderhub.engine.data-dir", () -> dataDir.resolve("engine").toString());
      registry.add("orderhub.engine.grpc-port", () -> grpc);
      registry.add("orderhub.engine.rest-port", () -> rest);
      int monitoring = freePort();
      registry.add("orderhub.engine.monitoring-port", () -> monitoring);
    }
    return dataDir;
  }

  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("Expected a free port, but found none", e);
    }
  }
}
