package io.orderhub.app.grpc;

import io.grpc.BindableService;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.protobuf.services.HealthStatusManager;
import io.orderhub.app.grpc.v1.OrderServiceGrpc;
import org.springframework.context.SmartLifecycle;

/**
 * The standard gRPC health service ({@code grpc.health.v1.Health}): SERVING for the server ("") and
 * {@code orderhub.v1.OrderService} once the application context is up, NOT_SERVING (terminal) when
 * it shuts down.
 */
public class GrpcHealth implements SmartLifecycle {

  private final HealthStatusManager health = new HealthStatusManager();
  private volatile boolean running;

  public BindableService service() {
    return health.getHealthService();
  }

  @Override
  public void start() {
    health.setStatus("", ServingStatus.SERVING);
    health.setStatus(OrderServiceGrpc.SERVICE_NAME, ServingStatus.SERVING);
    running = true;
  }

  @Override
  public void stop() {
    health.enterTerminalState();
    running = false;
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  // SERVING is set before the server (default phase) opens its port
  @Override
  public int getPhase() {
    return SmartLifecycle.DEFAULT_PHASE - 1;
  }
}
