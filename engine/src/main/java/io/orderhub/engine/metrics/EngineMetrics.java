package io.orderhub.engine.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.orderhub.engine.journal.Journal;
import io.orderhub.engine.journal.JournalObserver;
import io.orderhub.engine.processing.EngineProcessor;
import io.orderhub.engine.processing.ProcessingLiveness;
import io.orderhub.engine.processing.ProcessingObserver;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's metrics registry (Prometheus) and its wiring into the processor and the journal.
 * Counters move as events are applied and batches written; the gauges that need the state (job
 * backlog per type, open incidents) are sampled on the processing thread when scraped, so they are
 * exact and cost nothing between scrapes.
 *
 * <p>Thread-safety: any thread. {@link #scrape} may block up to {@link #SAMPLE_TIMEOUT_MILLIS} when
 * the processing thread is busy; the previous sample is published then.
 */
public final class EngineMetrics {

  private static final Logger LOG = LoggerFactory.getLogger(EngineMetrics.class);
  static final long SAMPLE_TIMEOUT_MILLIS = 2_000;

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final EngineEventMetrics events = new EngineEventMetrics(registry);
  private final MultiGauge activatableJobs =
      MultiGauge.builder(EngineMeters.JOBS_ACTIVATABLE)
          .description("Jobs waiting for a worker, per job type (what autoscaling reads)")
          .register(registry);
  private volatile long openIncidents;
  private volatile Journal journal;

  public EngineMetrics() {
    new JvmMemoryMetrics().bindTo(registry);
    new JvmGcMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    Gauge.builder(EngineMeters.INCIDENTS_OPEN, () -> openIncidents)
        .description("Incidents open now")
        .register(registry);
  }

  public PrometheusMeterRegistry registry() {
    return registry;
  }

  /** Hooks the meters into a processor before it starts, and into its journal. */
  public void bind(EngineProcessor processor, Journal journal) {
    this.journal = journal;
    Timer latency = EngineMeters.processingLatency(registry);
    DistributionSummary batchEvents = EngineMeters.processingBatchEvents(registry);
    Counter rejections = EngineMeters.backpressureRejections(registry);
    processor.observeEvents(events);
    processor.observe(
        new ProcessingObserver() {
          @Override
          public void batchProcessed(long nanos, int eventCount) {
            latency.record(nanos, TimeUnit.NANOSECONDS);
            batchEvents.record(eventCount);
          }

          @Override
          public void backpressureRejected() {
            rejections.increment();
          }
        });
    Timer append = EngineMeters.journalAppendLatency(registry);
    Timer fsync = EngineMeters.journalFsyncLatency(registry);
    DistributionSummary groupCommit = EngineMeters.journalGroupCommitEntries(registry);
    Counter bytesWritten = EngineMeters.journalWrittenBytes(registry);
    journal.observe(
        (JournalObserver)
            (entries, bytes, writeNanos, fsyncNanos) -> {
              append.record(writeNanos, TimeUnit.NANOSECONDS);
              fsync.record(fsyncNanos, TimeUnit.NANOSECONDS);
              groupCommit.record(entries);
              bytesWritten.increment(bytes);
            });
    Gauge.builder(EngineMeters.JOURNAL_POSITION, journal, Journal::lastPosition)
        .description("Position of the last batch appended to the journal")
        .register(registry);
    Gauge.builder(
            EngineMeters.PROCESSING_BUSY,
            processor,
            p -> p.liveness().busyNanos() / 1_000_000_000.0)
        .description("How long the processing thread's current step has run; 0 when idle")
        .register(registry);
    Gauge.builder(
            EngineMeters.PROCESSING_ALIVE,
            processor,
            p -> {
              ProcessingLiveness liveness = p.liveness();
              return liveness.threadAlive() && liveness.accepting() ? 1 : 0;
            })
        .description("1 while the processing thread runs and takes commands")
        .register(registry);
    sampleOn(processor);
  }

  /**
   * The hook for exporters: publishes how many journal positions {@code exporter} is behind, given
   * the position it has exported up to. Call it once per exporter.
   */
  public void exporterLag(String exporter, LongSupplier exportedPosition) {
    Gauge.builder(
            EngineMeters.EXPORTER_LAG,
            () -> {
              Journal current = journal;
              return current == null
                  ? 0
                  : Math.max(0, current.lastPosition() - exportedPosition.getAsLong());
            })
        .description("Journal positions appended but not yet exported, per exporter")
        .tags(Tags.of(EngineMeters.EXPORTER, exporter))
        .register(registry);
  }

  /** The Prometheus text exposition, with the state-derived gauges sampled first. */
  public String scrape() {
    sample();
    return registry.scrape();
  }

  private volatile EngineProcessor sampled;

  private void sampleOn(EngineProcessor processor) {
    this.sampled = processor;
  }

  private record Sample(Map<String, Integer> backlog, int incidents) {}

  private void sample() {
    EngineProcessor processor = sampled;
    if (processor == null || !processor.liveness().threadAlive()) {
      return;
    }
    try {
      Sample sample =
          processor
              .read(
                  state -> {
                    Map<String, Integer> backlog = new HashMap<>();
                    for (String type : events.knownJobTypes()) {
                      backlog.put(type, state.activatableJobs(type).size());
                    }
                    for (String type : state.activatableJobTypes()) {
                      backlog.put(type, state.activatableJobs(type).size());
                    }
                    return new Sample(backlog, state.incidents().size());
                  })
              .get(SAMPLE_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
      List<MultiGauge.Row<?>> rows = new ArrayList<>();
      sample
          .backlog()
          .forEach(
              (type, count) ->
                  rows.add(MultiGauge.Row.of(Tags.of(EngineMeters.TYPE, type), count)));
      activatableJobs.register(rows, true);
      openIncidents = sample.incidents();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      LOG.debug("Kept the previous job backlog sample: the processing thread did not answer", e);
    }
  }
}
