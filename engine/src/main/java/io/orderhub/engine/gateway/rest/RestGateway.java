package io.orderhub.engine.gateway.rest;

import com.sun.net.httpserver.HttpServer;
import io.orderhub.engine.api.EngineApi;
import io.orderhub.engine.exporter.SecondaryStorage;
import io.orderhub.engine.security.AuthenticationException;
import io.orderhub.engine.security.EngineSecurity;
import io.orderhub.engine.security.SecurityConfig;
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
  private final String host;
  private final EngineSecurity security;
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
    this(engine, SecurityConfig.LOOPBACK, port, readModel, EngineSecurity.disabled());
  }

  /**
   * @param host the address to bind (loopback unless the operator chose otherwise)
   * @param security who may call which route; the web UI asks for the same login
   */
  public RestGateway(
      EngineApi engine,
      String host,
      int port,
      SecondaryStorage readModel,
      EngineSecurity security) {
    this.host = Objects.requireNonNull(host, "host");
    this.security = Objects.requireNonNull(security, "security");
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
    HttpServer httpServer = HttpServer.create(new InetSocketAddress(host, requestedPort), 0);
    ExecutorService handlers = Executors.newVirtualThreadPerTaskExecutor();
    router = RestRouter.forEngine(engine, readModel, security);
    httpServer.createContext("/", router);
    WebUiHandler webUi = new WebUiHandler(RestGateway.class.getClassLoader());
    com.sun.net.httpserver.HttpHandler securedUi =
        exchange -> {
          try {
            security.authenticate(exchange.getRequestHeaders().getFirst("Authorization"));
          } catch (AuthenticationException e) {
            // the browser's own login dialog answers the challenge and resends it to /v2 too
            try (exchange) {
              exchange.getRequestBody().readAllBytes();
              exchange
                  .getResponseHeaders()
                  .set("WWW-Authenticate", "Basic realm=\"" + RestSecurity.REALM + "\"");
              exchange.sendResponseHeaders(401, -1);
            }
            return;
          }
          webUi.handle(exchange);
        };
    WebUiHandler.MOUNTS.forEach(mount -> httpServer.createContext(mount, securedUi));
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
