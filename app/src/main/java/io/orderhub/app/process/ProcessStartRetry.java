package io.orderhub.app.process;

import io.orderhub.domain.order.application.OrderService;
import io.orderhub.domain.order.model.Order;
import io.orderhub.domain.shared.model.OrderId;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The retry of process starts: a scheduled sweep over orders still {@code CREATED} without a
 * started process (the engine was unreachable, the model not yet deployed, or the application
 * stopped between persisting an order and starting it). Deploys the models first while that has not
 * succeeded yet.
 *
 * <p>A sweep stops at the first order the engine could not take — the engine is down or the model
 * missing, and the next sweep tries again — but steps over an order whose start the engine refused
 * as malformed, so one bad order never blocks the others. Several nodes may sweep at once: the
 * business id makes the engine start each order once.
 */
public class ProcessStartRetry {

  private static final Logger LOG = LoggerFactory.getLogger(ProcessStartRetry.class);

  private final ProcessStarts starts;
  private final ProcessStarter starter;
  private final ProcessDeployer deployer;
  private final OrderService orders;
  private final ProcessProperties.StartRetry settings;
  private final Clock clock;
  // the same reason sweep after sweep (model not deployed, engine down) is worth one warning
  private volatile String lastReason;

  public ProcessStartRetry(
      ProcessStarts starts,
      ProcessStarter starter,
      ProcessDeployer deployer,
      OrderService orders,
      ProcessProperties properties,
      Clock clock) {
    this.starts = starts;
    this.starter = starter;
    this.deployer = deployer;
    this.orders = orders;
    this.settings = properties.startRetry();
    this.clock = clock;
  }

  @Scheduled(
      initialDelayString = "${orderhub.process.start-retry.interval:PT5S}",
      fixedDelayString = "${orderhub.process.start-retry.interval:PT5S}")
  public void sweep() {
    try {
      sweepOnce();
    } catch (RuntimeException e) {
      // the database may be gone for a moment too; the next sweep tries again
      LOG.warn("Process start sweep failed: {}", e.toString());
    }
  }

  /**
   * One sweep.
   *
   * @return how many processes it started (or found started)
   */
  public int sweepOnce() {
    if (!deployer.ensureDeployed()) {
      return 0;
    }
    List<OrderId> waiting =
        starts.awaitingStart(clock.instant().minus(settings.grace()), settings.batchSize());
    int started = 0;
    for (OrderId orderId : waiting) {
      Optional<Order> order = orders.find(orderId);
      if (order.isEmpty()) {
        continue;
      }
      switch (starter.ensureStarted(order.get())) {
        case ProcessStarter.Outcome.Started s -> started++;
        case ProcessStarter.Outcome.AlreadyStarted s -> started++;
        case ProcessStarter.Outcome.Starting s -> started++;
        case ProcessStarter.Outcome.Deferred deferred when !deferred.retryable() ->
            LOG.error(
                "The engine refused to start the process of order {}: {}",
                orderId,
                deferred.reason());
        case ProcessStarter.Outcome.Deferred deferred -> {
          if (!deferred.reason().equals(lastReason)) {
            LOG.warn(
                "Could not start the process of order {} ({} waiting), will retry: {}",
                orderId,
                waiting.size(),
                deferred.reason());
          }
          lastReason = deferred.reason();
          return started;
        }
      }
    }
    if (started > 0) {
      LOG.info("Started the processes of {} orders that were waiting", started);
    }
    lastReason = null;
    return started;
  }
}
