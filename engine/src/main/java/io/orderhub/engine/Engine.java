package io.orderhub.engine;

import io.orderhub.engine.api.EngineApi;
import io.orderhub.engine.api.Topology;
import io.orderhub.engine.exporter.ReadModelExporter;
import io.orderhub.engine.exporter.RetentionCleaner;
import io.orderhub.engine.exporter.SecondaryStorage;
import io.orderhub.engine.feel.FeelEvaluator;
import io.orderhub.engine.gateway.grpc.GrpcGateway;
import io.orderhub.engine.gateway.rest.RestGateway;
import io.orderhub.engine.journal.Journal;
import io.orderhub.engine.journal.JournalConfig;
import io.orderhub.engine.journal.SnapshotStore;
import io.orderhub.engine.metrics.EngineHealth;
import io.orderhub.engine.metrics.EngineMetrics;
import io.orderhub.engine.metrics.MonitoringConfig;
import io.orderhub.engine.metrics.MonitoringServer;
import io.orderhub.engine.model.ProcessModelReader;
import io.orderhub.engine.processing.EngineLimits;
import io.orderhub.engine.processing.EngineProcessor;
import io.orderhub.engine.record.EventBatch;
import io.orderhub.engine.record.EventBatchCodec;
import io.orderhub.engine.security.EngineSecurity;
import io.orderhub.engine.security.SecurityConfig;
import io.orderhub.engine.state.EngineState;
import io.orderhub.engine.state.EventApplier;
import io.orderhub.engine.state.StateSnapshotCodec;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running engine: recovered state, the processing thread, the journal and the gateways. Start it
 * standalone ({@link EngineMain}) or embedded, in-process, from tests or the all-in-one app.
 *
 * <p>Lifecycle: {@link #start} recovers (latest snapshot + journal replay) before the gateways
 * open; {@link #close} closes the gateways, lets the processor finish, snapshots and flushes.
 */
public final class Engine implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Engine.class);
  public static final String VERSION = "8.9.0";

  private final EngineConfig config;
  private final Journal journal;
  private final SnapshotStore snapshots;
  private final EngineProcessor processor;
  private final ExecutorService snapshotWriter =
      Executors.newSingleThreadExecutor(r -> new Thread(r, "engine-snapshots"));
  private final List<EngineProcessor.BatchListener> listeners = new CopyOnWriteArrayList<>();
  private final ProcessModelReader reader;
  private volatile java.util.function.Consumer<Throwable> fatalListener = cause -> {};
  private final SecondaryStorage secondaryStorage;
  private final ReadModelExporter exporter;
  private final RetentionCleaner retention;
  private GrpcGateway grpc;
  private EngineSecurity security;
  private RestGateway rest;
  private long previousSnapshotPosition;
  private final EngineMetrics metrics;
  private final EngineHealth health;
  private final MonitoringServer monitoring;
  private volatile long deliveredPosition;

  private Engine(
      EngineConfig config,
      EngineLimits limits,
      EngineMetrics metrics,
      EngineHealth health,
      MonitoringServer monitoring,
      boolean collectMetrics)
      throws IOException {
    this.config = config;
    this.metrics = metrics;
    this.health = health;
    this.monitoring = monitoring;
    Files.createDirectories(config.dataDir());
    FeelEvaluator feel = new FeelEvaluator(config.clock()::millis);
    ProcessModelReader reader = new ProcessModelReader(feel);
    this.reader = reader;
    this.snapshots = new SnapshotStore(config.dataDir().resolve("snapshots"));
    long started = System.nanoTime();
    EngineState state =
        snapshots
            .latest()
            .map(s -> new StateSnapshotCodec().decode(s.data(), reader))
            .orElseGet(() -> new EngineState(reader));
    previousSnapshotPosition = state.position();
    this.journal =
        Journal.open(
            config.dataDir().resolve("journal"),
            new JournalConfig(JournalConfig.DEFAULT_SEGMENT_SIZE_BYTES, config.fsync()));
    long replayed;
    try {
      replayed = replay(state);
    } catch (IOException | RuntimeException e) {
      // the flusher is a non-daemon thread: left running, it would keep a failed JVM alive
      journal.close();
      throw e;
    }
    LOG.info(
        "Recovered engine state at position {} ({} batches replayed) in {} ms",
        state.position(),
        replayed,
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    if (config.secondaryStorage().enabled()) {
      this.secondaryStorage = SecondaryStorage.open(config.secondaryStorage());
      this.exporter =
          new ReadModelExporter(secondaryStorage, journal::readCommitted, journal.lastPosition());
      listeners.add(exporter);
      this.retention = new RetentionCleaner(secondaryStorage, config.clock());
    } else {
      this.secondaryStorage = null;
      this.exporter = null;
      this.retention = null;
    }
    Topology topology =
        new Topology("localhost", Math.max(config.grpcPort(), 0), VERSION, 1, "orderhub-engine");
    this.processor =
        new EngineProcessor(
            state,
            journal::append,
            config.clock(),
            feel,
            reader,
            topology,
            config.inboxCapacity(),
            List.of(
                (position, batch) -> {
                  listeners.forEach(l -> l.committed(position, batch));
                  deliveredPosition = position;
                }),
            new EngineProcessor.SnapshotPolicy(config.snapshotEveryBatches(), this::writeSnapshot),
            limits,
            this::rebuildState,
            this::stopAfterFatal);
    deliveredPosition = state.position();
    if (collectMetrics) {
      metrics.bind(processor, journal);
      metrics.exporterLag("listeners", () -> deliveredPosition);
      if (exporter != null) {
        metrics.exporterLag("read-model", exporter::exportedPosition);
      }
    }
    health.attach(processor, journal);
  }

  /** The state as the journal has it: a failed batch is undone by rebuilding it. */
  private EngineState rebuildState() throws IOException {
    EngineState rebuilt =
        snapshots
            .latest()
            .map(s -> new StateSnapshotCodec().decode(s.data(), reader))
            .orElseGet(() -> new EngineState(reader));
    EventBatchCodec codec = new EventBatchCodec();
    EventApplier applier = new EventApplier(rebuilt);
    journal.replayWritten(
        rebuilt.position(),
        (position, payload) -> {
          codec.decode(payload).events().forEach(applier::apply);
          applier.appliedUpTo(position);
        });
    return rebuilt;
  }

  /**
   * The processing thread stopped for good: close the gateways so nobody takes this engine for a
   * healthy one, and tell the owner (the standalone engine exits non-zero).
   */
  private void stopAfterFatal(Throwable cause) {
    LOG.error("Engine stopped after a fatal error; restart it to recover from the journal", cause);
    if (grpc != null) {
      grpc.close();
    }
    if (rest != null) {
      rest.close();
    }
    fatalListener.accept(cause);
  }

  /** Called once if the engine stops after a fatal error (out of memory, a failed journal). */
  public void onFatal(java.util.function.Consumer<Throwable> listener) {
    this.fatalListener = listener;
  }

  /** Starts an engine without a monitoring endpoint (its metrics are still collected). */
  public static Engine start(EngineConfig config) throws IOException {
    return start(config, MonitoringConfig.disabled());
  }

  /**
   * Starts an engine; the monitoring endpoint opens first, so the startup probe answers (DOWN)
   * while state is recovered. If anything fails, whatever was opened is closed again before the
   * failure is thrown: no thread of a failed start keeps the JVM alive.
   */
  public static Engine start(EngineConfig config, MonitoringConfig monitoringConfig)
      throws IOException {
    return start(config, monitoringConfig, EngineLimits.DEFAULTS);
  }

  /** Starts with other limits than {@link EngineLimits#DEFAULTS} (tests use small ones). */
  public static Engine start(EngineConfig config, EngineLimits limits) throws IOException {
    return start(config, MonitoringConfig.disabled(), limits);
  }

  private static Engine start(
      EngineConfig config, MonitoringConfig monitoringConfig, EngineLimits limits)
      throws IOException {
    EngineMetrics metrics = new EngineMetrics();
    EngineHealth health = new EngineHealth(monitoringConfig.wedgedAfter());
    MonitoringServer monitoring =
        monitoringConfig.port() >= 0
            ? MonitoringServer.start(monitoringConfig, metrics, health)
            : null;
    Engine engine = null;
    try {
      engine =
          new Engine(
              config, limits, metrics, health, monitoring, monitoringConfig.collectMetrics());
      if (engine.exporter != null) {
        engine.exporter.start();
        engine.retention.start(Duration.ofMinutes(5));
      }
      engine.processor.start();
      engine.openGateways();
      health.started();
      return engine;
    } catch (IOException | RuntimeException | Error e) {
      if (engine != null) {
        engine.close();
      } else if (monitoring != null) {
        monitoring.close();
      }
      throw e;
    }
  }

  private long replay(EngineState state) throws IOException {
    EventBatchCodec codec = new EventBatchCodec();
    EventApplier applier = new EventApplier(state);
    long[] count = new long[1];
    journal.replay(
        state.position(),
        (position, payload) -> {
          EventBatch batch = codec.decode(payload);
          batch.events().forEach(applier::apply);
          applier.appliedUpTo(position);
          count[0]++;
        });
    return count[0];
  }

  private void openGateways() throws IOException {
    SecurityConfig securityConfig = config.security();
    if (config.grpcPort() >= 0 || config.restPort() >= 0) {
      security = EngineSecurity.open(securityConfig, config.dataDir(), config.fsync());
    }
    if (config.grpcPort() >= 0) {
      grpc = new GrpcGateway(processor, securityConfig.host(), config.grpcPort(), security).start();
    }
    if (config.restPort() >= 0) {
      rest =
          new RestGateway(
                  processor, securityConfig.host(), config.restPort(), secondaryStorage, security)
              .start();
    }
    LOG.info(
        "Engine ready: gRPC on {}, REST on {} (host {}, authentication {}), data in {}",
        grpc == null ? "-" : grpc.port(),
        rest == null ? "-" : rest.port(),
        securityConfig.host(),
        securityConfig.method(),
        config.dataDir());
  }

  private void writeSnapshot(long position, byte[] bytes) {
    snapshotWriter.execute(
        () -> {
          try {
            snapshots.write(position, bytes);
            // the older snapshot stays usable as a fallback, so the journal keeps what follows it;
            // and the exporter reads what it has not exported yet back from the journal
            long keepAfter = previousSnapshotPosition;
            if (exporter != null) {
              keepAfter = Math.min(keepAfter, exporter.exportedPosition());
            }
            journal.compactUpTo(keepAfter);
            previousSnapshotPosition = position;
          } catch (IOException | RuntimeException e) {
            LOG.error("Expected to write a snapshot at position {}, but it failed", position, e);
          }
        });
  }

  /** Authentication and authorizations of the gateways; null when no gateway is open. */
  public EngineSecurity security() {
    return security;
  }

  public EngineApi api() {
    return processor;
  }

  public EngineProcessor processor() {
    return processor;
  }

  public int grpcPort() {
    return grpc == null ? -1 : grpc.port();
  }

  public int restPort() {
    return rest == null ? -1 : rest.port();
  }

  /** The read model's exporter, or null when the secondary storage is disabled. */
  public ReadModelExporter exporter() {
    return exporter;
  }

  /** The read model's database, or null when disabled. */
  public SecondaryStorage secondaryStorage() {
    return secondaryStorage;
  }

  /** The read model's retention job, or null when disabled. */
  public RetentionCleaner retention() {
    return retention;
  }

  public long fsyncCount() {
    return journal.fsyncCount();
  }

  public EngineMetrics metrics() {
    return metrics;
  }

  public EngineHealth health() {
    return health;
  }

  /** The monitoring endpoint's port, or -1 without one. */
  public int monitoringPort() {
    return monitoring == null ? -1 : monitoring.port();
  }

  /** Registers a listener for committed batches (exporters, test record logs). */
  public void addListener(EngineProcessor.BatchListener listener) {
    listeners.add(listener);
  }

  @Override
  public void close() {
    if (grpc != null) {
      grpc.close();
    }
    if (rest != null) {
      rest.close();
    }
    processor.close(true);
    snapshotWriter.shutdown();
    try {
      snapshotWriter.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    journal.close();
    if (monitoring != null) {
      monitoring.close();
    }
    if (exporter != null) {
      retention.close();
      exporter.close();
      secondaryStorage.close();
    }
    LOG.info("Engine stopped");
  }
}
