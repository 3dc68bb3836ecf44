package io.orderhub.engine.gateway.grpc;

import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.netty.NettyServerBuilder;
import io.orderhub.engine.api.EngineApi;
import io.orderhub.engine.security.EngineSecurity;
import io.orderhub.engine.security.SecurityConfig;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/** The Zeebe gRPC gateway endpoint: a Netty server hosting {@link GatewayService}. */
public final class GrpcGateway implements AutoCloseable {

  /** Long enough for in-flight unary replies, short enough not to stall engine shutdown. */
  private static final long GRACE_MILLIS = 2_000;

  private final EngineApi engine;
  private final int requestedPort;
  private final String host;
  private final EngineSecurity security;
  private Server server;
  // read by in-flight Topology calls, which must not wait on the lifecycle lock during close()
  private volatile int boundPort = -1;

  /**
   * @param port the port to listen on, loopback only; 0 picks an ephemeral port
   */
  public GrpcGateway(EngineApi engine, int port) {
    this(engine, SecurityConfig.LOOPBACK, port, EngineSecurity.disabled());
  }

  /**
   * @param host the address to bind (loopback unless the operator chose otherwise)
   * @param security who may call which method
   */
  public GrpcGateway(EngineApi engine, String host, int port, EngineSecurity security) {
    this.engine = engine;
    this.host = host;
    this.requestedPort = port;
    this.security = security;
  }

  public synchronized GrpcGateway start() throws IOException {
    if (server != null) {
      throw new IllegalStateException("gRPC gateway already started");
    }
    server =
        NettyServerBuilder.forAddress(new InetSocketAddress(host, requestedPort))
            .addService(
                UnparsableRequests.rejectAsInvalidArgument(
                    // inside the raw-bytes layer, so the door sees parsed requests
                    ServerInterceptors.intercept(
                        new GatewayService(engine, this::port).bindService(),
                        new GrpcSecurity(security))))
            // Zeebe clients keep idle job streams open with pings; don't reset them as abusive
            .permitKeepAliveWithoutCalls(true)
            .permitKeepAliveTime(10, TimeUnit.SECONDS)
            .build()
            .start();
    boundPort = server.getPort();
    return this;
  }

  /** The bound port; -1 before {@link #start()}. */
  public int port() {
    return boundPort;
  }

  @Override
  public synchronized void close() {
    if (server == null) {
      return;
    }
    server.shutdown();
    try {
      if (!server.awaitTermination(GRACE_MILLIS, TimeUnit.MILLISECONDS)) {
        // open job streams and long polls never end by themselves: cancel them
        server.shutdownNow().awaitTermination(GRACE_MILLIS, TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      server.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
