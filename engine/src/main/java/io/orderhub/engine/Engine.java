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
import io.orderhub.engine.model.ProcessModelReader;
import io.orderhub.engine.processing.EngineProcessor;
import io.orderhub.engine.record.EventBatch;
import io.orderhub.engine.record.EventBatchCodec;
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
  private final SecondaryStorage secondaryStorage;
  private final ReadModelExporter exporter;
  private final RetentionCleaner retention;
  private GrpcGateway grpc;
  private RestGateway rest;
  private long previousSnapshotPosition;

  private Engine(EngineConfig config) throws IOException {
    this.config = config;
    Files.createDirectories(config.dataDir());
    FeelEvaluator feel = new FeelEvaluator(config.clock()::millis);
    ProcessModelReader reader = new ProcessModelReader(feel);
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
    long replayed = replay(state);
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
            List.of((position, batch) -> listeners.forEach(l -> l.committed(position, batch))),
            new EngineProcessor.SnapshotPolicy(config.snapshotEveryBatches(), this::writeSnapshot));
  }

  public static Engine start(EngineConfig config) throws IOException {
    Engine engine = new Engine(config);
    if (engine.exporter != null) {
      engine.exporter.start();
      engine.retention.start(Duration.ofMinutes(5));
    }
    engine.processor.start();
    engine.openGateways();
    return engine;
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
    if (config.grpcPort() >= 0) {
      grpc = new GrpcGateway(processor, config.grpcPort()).start();
    }
    if (config.restPort() >= 0) {
      rest = new RestGateway(processor, config.restPort(), secondaryStorage).start();
    }
    LOG.info(
        "Engine ready: gRPC on {}, REST on {}, data in {}",
        grpc == null ? "-" : grpc.port(),
        rest == null ? "-" : rest.port(),
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
    if (exporter != null) {
      retention.close();
      exporter.close();
      secondaryStorage.close();
    }
    LOG.info("Engine stopped");
  }
}
