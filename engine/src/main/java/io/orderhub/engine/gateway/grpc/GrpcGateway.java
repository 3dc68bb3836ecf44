package io.orderhub.engine.gateway.grpc;

import io.grpc.Server;
import io.grpc.netty.NettyServerBuilder;
import io.orderhub.engine.api.EngineApi;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/** The Zeebe gRPC gateway endpoint: a Netty server hosting {@link GatewayService}. */
public final class GrpcGateway implements AutoCloseable {

  /** Long enough for in-flight unary replies, short enough not to stall engine shutdown. */
  private static final long GRACE_MILLIS = 2_000;

  private final EngineApi engine;
  private final int requestedPort;
  private Server server;
  // read by in-flight Topology calls, which must not wait on the lifecycle lock during close()
  private volatile int boundPort = -1;

  /**
   * @param port the port to listen on, all interfaces; 0 picks an ephemeral port
   */
  public GrpcGateway(EngineApi engine, int port) {
    this.engine = engine;
    this.requestedPort = port;
  }

  public synchronized GrpcGateway start() throws IOException {
    if (server != null) {
      throw new IllegalStateException("gRPC gateway already started");
    }
    server =
        NettyServerBuilder.forAddress(new InetSocketAddress(requestedPort))
            .addService(
                UnparsableRequests.rejectAsInvalidArgument(
                    new GatewayService(engine, this::port).bindService()))
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
