package io.orderhub.domain.shipment.infrastructure.noderedis;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Seeds Redis from PostgreSQL at start and brings it back into service after an outage: runs {@link
 * ResilientDispatchSlots#reconcile()} every {@code interval} on a thread of its own. Until it
 * succeeds, routings book in the database — a Redis down at start delays nothing.
 */
public class NodeReconciler implements SmartLifecycle {

  private static final Logger LOG = LoggerFactory.getLogger(NodeReconciler.class);

  private final ResilientDispatchSlots slots;
  private final Duration interval;
  private volatile ScheduledExecutorService scheduler;

  public NodeReconciler(ResilientDispatchSlots slots, Duration interval) {
    this.slots = slots;
    this.interval = interval;
  }

  @Override
  public void start() {
    ScheduledExecutorService started =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "dispatch-slots-reconciler");
              thread.setDaemon(true);
              return thread;
            });
    started.scheduleWithFixedDelay(this::reconcile, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    scheduler = started;
  }

  private void reconcile() {
    try {
      slots.reconcile();
    } catch (RuntimeException e) {
      // the database may be briefly away too; the next round tries again
      LOG.warn("Dispatch slots: reconciling Redis failed", e);
    }
  }

  @Override
  public void stop() {
    ScheduledExecutorService running = scheduler;
    if (running != null) {
      running.shutdownNow();
      scheduler = null;
    }
  }

  @Override
  public boolean isRunning() {
    return scheduler != null;
  }
}
