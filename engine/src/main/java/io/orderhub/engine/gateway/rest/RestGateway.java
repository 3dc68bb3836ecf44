package io.orderhub.engine.gateway.rest;

import com.sun.net.httpserver.HttpServer;
import io.orderhub.engine.api.EngineApi;
import io.orderhub.engine.exporter.SecondaryStorage;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The Camunda 8 REST v2 gateway ({@code /v2/...}) that the official Java client uses by default. It
 * runs on the JDK's own HTTP/1.1 server so the engine needs no web framework; every exchange gets
 * its own virtual thread, which lets handlers simply block on the engine's futures (long polling,
 * awaited process instances) without tying up platform threads.
 */
public final class RestGateway implements AutoCloseable {

  private final EngineApi engine;
  private final int requestedPort;
  private final SecondaryStorage readModel;
  private HttpServer server;
  private ExecutorService executor;
  private RestRouter router;

  public RestGateway(EngineApi engine, int port) {
    this(engine, port, null);
  }

  /**
   * @param readModel the secondary storage the searches read, or null: they then answer 501
   */
  public RestGateway(EngineApi engine, int port, SecondaryStorage readModel) {
    this.readModel = readModel;
    this.engine = Objects.requireNonNull(engine, "engine");
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
    this.requestedPort = port;
  }

  public synchronized RestGateway start() throws IOException {
    if (server != null) {
      throw new IllegalStateException("REST gateway already started");
    }
    HttpServer httpServer = HttpServer.create(new InetSocketAddress(requestedPort), 0);
    ExecutorService handlers = Executors.newVirtualThreadPerTaskExecutor();
    router = RestRouter.forEngine(engine, readModel);
    httpServer.createContext("/", router);
    WebUiHandler webUi = new WebUiHandler(RestGateway.class.getClassLoader());
    WebUiHandler.MOUNTS.forEach(mount -> httpServer.createContext(mount, webUi));
    httpServer.setExecutor(handlers);
    httpServer.start();
    server = httpServer;
    executor = handlers;
    return this;
  }

  public synchronized int port() {
    if (server == null) {
      throw new IllegalStateException("REST gateway not started");
    }
    return server.getAddress().getPort();
  }

  @Override
  public synchronized void close() {
    if (server == null) {
      return;
    }
    server.stop(0);
    // Interrupt handlers still parked in long polls or awaited creations: close must not wait for
    // their request timeouts, and their clients are gone with the listener anyway.
    executor.shutdownNow();
    router.close();
    server = null;
    executor = null;
  }
}
