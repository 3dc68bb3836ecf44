package io.orderhub.engine.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * Every metric the engine publishes, declared here once: name, type and tags. The Prometheus names
 * (what dashboards and alerts query) are listed in the engine README; {@code EngineMetricsTest}
 * checks that each one below appears in a scrape.
 *
 * <p>No tag takes a value per process instance or job: tags are process ids and versions, element
 * types, job types and exporter names, all bounded by the deployed models.
 */
public final class EngineMeters {

  public static final String PROCESS_INSTANCES = "orderhub.engine.process.instances";
  public static final String ELEMENT_INSTANCES = "orderhub.engine.element.instances";
  public static final String JOBS = "orderhub.engine.jobs";
  public static final String JOBS_ACTIVATABLE = "orderhub.engine.jobs.activatable";
  public static final String INCIDENTS = "orderhub.engine.incidents";
  public static final String INCIDENTS_OPEN = "orderhub.engine.incidents.open";
  public static final String PROCESSING_LATENCY = "orderhub.engine.processing.latency";
  public static final String PROCESSING_BATCH_EVENTS = "orderhub.engine.processing.batch.events";
  public static final String PROCESSING_BUSY = "orderhub.engine.processing.busy.seconds";
  public static final String PROCESSING_ALIVE = "orderhub.engine.processing.alive";
  public static final String BACKPRESSURE_REJECTIONS = "orderhub.engine.backpressure.rejections";
  public static final String JOURNAL_APPEND_LATENCY = "orderhub.engine.journal.append.latency";
  public static final String JOURNAL_FSYNC_LATENCY = "orderhub.engine.journal.fsync.latency";
  public static final String JOURNAL_GROUP_COMMIT_ENTRIES =
      "orderhub.engine.journal.group.commit.entries";
  public static final String JOURNAL_WRITTEN_BYTES = "orderhub.engine.journal.written.bytes";
  public static final String JOURNAL_POSITION = "orderhub.engine.journal.position";
  public static final String EXPORTER_LAG = "orderhub.engine.exporter.lag";

  /** Tag keys. */
  public static final String BPMN_PROCESS_ID = "bpmnProcessId";

  public static final String VERSION = "version";
  public static final String ACTION = "action";
  public static final String TYPE = "type";
  public static final String EXPORTER = "exporter";

  /**
   * Latency buckets from 50 µs to 10 s: fixed, so a scrape stays small (Prometheus computes
   * quantiles from them with histogram_quantile).
   */
  private static final Duration[] LATENCY_BUCKETS = {
    Duration.ofNanos(50_000),
    Duration.ofNanos(100_000),
    Duration.ofNanos(250_000),
    Duration.ofNanos(500_000),
    Duration.ofMillis(1),
    Duration.ofNanos(2_500_000),
    Duration.ofMillis(5),
    Duration.ofMillis(10),
    Duration.ofMillis(25),
    Duration.ofMillis(50),
    Duration.ofMillis(100),
    Duration.ofMillis(250),
    Duration.ofMillis(500),
    Duration.ofSeconds(1),
    Duration.ofNanos(2_500_000_000L),
    Duration.ofSeconds(10)
  };

  private static final double[] SIZE_BUCKETS = {1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 5000};

  private EngineMeters() {}

  static Counter processInstances(
      MeterRegistry registry, String bpmnProcessId, int version, String action) {
    return Counter.builder(PROCESS_INSTANCES)
        .description("Process instances created, completed or terminated")
        .tag(BPMN_PROCESS_ID, bpmnProcessId)
        .tag(VERSION, Integer.toString(version))
        .tag(ACTION, action)
        .register(registry);
  }

  static Counter elementInstances(MeterRegistry registry, String elementType, String action) {
    return Counter.builder(ELEMENT_INSTANCES)
        .description("Element instance transitions by BPMN element type")
        .tag(TYPE, elementType)
        .tag(ACTION, action)
        .register(registry);
  }

  static Counter jobs(MeterRegistry registry, String jobType, String action) {
    return Counter.builder(JOBS)
        .description("Job lifecycle transitions by job type")
        .tag(TYPE, jobType)
        .tag(ACTION, action)
        .register(registry);
  }

  static Counter incidents(MeterRegistry registry, String action) {
    return Counter.builder(INCIDENTS)
        .description("Incidents created or resolved")
        .tag(ACTION, action)
        .register(registry);
  }

  static Timer processingLatency(MeterRegistry registry) {
    return Timer.builder(PROCESSING_LATENCY)
        .description("Time to process one command (or one round of due work) into its batch")
        .serviceLevelObjectives(LATENCY_BUCKETS)
        .register(registry);
  }

  static DistributionSummary processingBatchEvents(MeterRegistry registry) {
    return DistributionSummary.builder(PROCESSING_BATCH_EVENTS)
        .description("Events written per processed command")
        .serviceLevelObjectives(SIZE_BUCKETS)
        .register(registry);
  }

  static Counter backpressureRejections(MeterRegistry registry) {
    return Counter.builder(BACKPRESSURE_REJECTIONS)
        .description("Requests rejected because the processing inbox was full")
        .register(registry);
  }

  static Timer journalAppendLatency(MeterRegistry registry) {
    return Timer.builder(JOURNAL_APPEND_LATENCY)
        .description("Time to write one group commit to the journal segment, before its fsync")
        .serviceLevelObjectives(LATENCY_BUCKETS)
        .register(registry);
  }

  static Timer journalFsyncLatency(MeterRegistry registry) {
    return Timer.builder(JOURNAL_FSYNC_LATENCY)
        .description("Time of the fsync that makes one group commit durable")
        .serviceLevelObjectives(LATENCY_BUCKETS)
        .register(registry);
  }

  static DistributionSummary journalGroupCommitEntries(MeterRegistry registry) {
    return DistributionSummary.builder(JOURNAL_GROUP_COMMIT_ENTRIES)
        .description("Journal entries (batches) made durable by one fsync")
        .serviceLevelObjectives(SIZE_BUCKETS)
        .register(registry);
  }

  static Counter journalWrittenBytes(MeterRegistry registry) {
    return Counter.builder(JOURNAL_WRITTEN_BYTES)
        .description("Bytes written to the journal")
        .register(registry);
  }
}
