package io.orderhub.app.grpc;

import io.grpc.BindableService;
import io.grpc.Server;
import io.grpc.ServerInterceptor;
import io.grpc.netty.NettyServerBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The gRPC server (grpc-netty) serving the application's services, started with the application
 * context and stopped — letting running calls finish for the grace period — before it closes.
 */
public class GrpcServer implements SmartLifecycle {

  private static final Logger LOG = LoggerFactory.getLogger(GrpcServer.class);

  private final GrpcProperties properties;
  private final List<BindableService> services;
  private final List<ServerInterceptor> interceptors;
  private volatile Server server;

  /** {@code interceptors} see every call of every service (authentication among them). */
  public GrpcServer(
      GrpcProperties properties,
      List<BindableService> services,
      List<ServerInterceptor> interceptors) {
    this.properties = properties;
    this.services = List.copyOf(services);
    this.interceptors = List.copyOf(interceptors);
  }

  @Override
  public synchronized void start() {
    NettyServerBuilder builder =
        NettyServerBuilder.forAddress(new InetSocketAddress(properties.port()));
    services.forEach(builder::addService);
    interceptors.forEach(builder::intercept);
    try {
      server = builder.build().start();
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Expected the gRPC server to listen on port " + properties.port() + ", but it could not",
          e);
    }
    LOG.info("gRPC server listening on port {}", server.getPort());
  }

  @Override
  public synchronized void stop() {
    Server running = server;
    if (running == null) {
      return;
    }
    running.shutdown();
    try {
      if (!running.awaitTermination(properties.shutdownGrace().toMillis(), TimeUnit.MILLISECONDS)) {
        running.shutdownNow();
      }
    } catch (InterruptedException e) {
      running.shutdownNow();
      Thread.currentThread().interrupt();
    }
    server = null;
  }

  @Override
  public boolean isRunning() {
    return server != null;
  }

  /** The port it listens on; -1 when not running. */
  public int port() {
    Server running = server;
    return running == null ? -1 : running.getPort();
  }
}
