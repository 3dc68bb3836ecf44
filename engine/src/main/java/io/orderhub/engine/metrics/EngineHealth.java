package io.orderhub.engine.metrics;

import io.orderhub.engine.journal.Journal;
import io.orderhub.engine.processing.EngineProcessor;
import io.orderhub.engine.processing.ProcessingLiveness;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The three probes, as Kubernetes reads them. Startup is UP once state is recovered and the
 * gateways listen. Liveness is UP while commands can be processed: the processing thread is alive,
 * its current step has not run longer than {@code wedgedAfter}, and the journal still writes; a
 * restart is the only cure otherwise. Readiness is startup and liveness together, and DOWN while
 * closing.
 *
 * <p>Thread-safety: any thread; the processor and journal are attached once, on start.
 */
public final class EngineHealth {

  /** One probe's answer; {@code details} say why (JSON-friendly values). */
  public record Status(boolean up, Map<String, Object> details) {}

  private final Duration wedgedAfter;
  private volatile EngineProcessor processor;
  private volatile Journal journal;
  private volatile boolean started;

  public EngineHealth(Duration wedgedAfter) {
    this.wedgedAfter = wedgedAfter;
  }

  public void attach(EngineProcessor processor, Journal journal) {
    this.processor = processor;
    this.journal = journal;
  }

  /** Recovery is done and the gateways listen. */
  public void started() {
    started = true;
  }

  public Status startup() {
    return new Status(started, Map.of("started", started));
  }

  public Status liveness() {
    EngineProcessor current = processor;
    if (current == null) {
      // still recovering: the startup probe guards this phase, liveness must not kill it
      return new Status(true, Map.of("phase", "recovering"));
    }
    ProcessingLiveness processing = current.liveness();
    boolean journalFailed = journal.failed();
    boolean wedged = processing.busyNanos() > wedgedAfter.toNanos();
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("processingThreadAlive", processing.threadAlive());
    details.put("currentStepMillis", TimeUnit.NANOSECONDS.toMillis(processing.busyNanos()));
    details.put("wedgedAfterMillis", wedgedAfter.toMillis());
    details.put("journalFailed", journalFailed);
    return new Status(processing.threadAlive() && !wedged && !journalFailed, details);
  }

  public Status readiness() {
    Status live = liveness();
    EngineProcessor current = processor;
    boolean accepting = current != null && current.liveness().accepting();
    Map<String, Object> details = new LinkedHashMap<>(live.details());
    details.put("started", started);
    details.put("accepting", accepting);
    return new Status(started && accepting && live.up(), details);
  }
}
