package io.orderhub.engine;

import io.orderhub.engine.clock.EngineClock;
import io.orderhub.engine.exporter.SecondaryStorageConfig;
import io.orderhub.engine.security.SecurityConfig;
import java.nio.file.Path;

/**
 * How to run an engine. Ports 0 pick free ports; a negative port disables that gateway.
 *
 * @param snapshotEveryBatches how many batches between snapshots (bounds recovery time)
 * @param fsync false only for throwaway runs: acknowledged commands may then be lost on a crash
 * @param secondaryStorage the read model behind the REST searches (an H2 file under dataDir by
 *     default)
 * @param security the gateways' bind address and authentication (loopback and basic by default)
 */
public record EngineConfig(
    Path dataDir,
    int grpcPort,
    int restPort,
    EngineClock clock,
    long snapshotEveryBatches,
    boolean fsync,
    int inboxCapacity,
    SecondaryStorageConfig secondaryStorage,
    SecurityConfig security) {

  public static final int DEFAULT_GRPC_PORT = 26500;
  public static final int DEFAULT_REST_PORT = 8080;
  public static final long DEFAULT_SNAPSHOT_EVERY_BATCHES = 50_000;

  public static EngineConfig defaults(Path dataDir) {
    return new EngineConfig(
        dataDir,
        DEFAULT_GRPC_PORT,
        DEFAULT_REST_PORT,
        EngineClock.system(),
        DEFAULT_SNAPSHOT_EVERY_BATCHES,
        true,
        20_000,
        SecondaryStorageConfig.h2In(dataDir),
        SecurityConfig.defaults());
  }

  public EngineConfig withPorts(int grpc, int rest) {
    return new EngineConfig(
        dataDir,
        grpc,
        rest,
        clock,
        snapshotEveryBatches,
        fsync,
        inboxCapacity,
        secondaryStorage,
        security);
  }

  public EngineConfig withClock(EngineClock newClock) {
    return new EngineConfig(
        dataDir,
        grpcPort,
        restPort,
        newClock,
        snapshotEveryBatches,
        fsync,
        inboxCapacity,
        secondaryStorage,
        security);
  }

  public EngineConfig withSnapshotEveryBatches(long batches) {
    return new EngineConfig(
        dataDir,
        grpcPort,
        restPort,
        clock,
        batches,
        fsync,
        inboxCapacity,
        secondaryStorage,
        security);
  }

  public EngineConfig withSecondaryStorage(SecondaryStorageConfig storage) {
    return new EngineConfig(
        dataDir,
        grpcPort,
        restPort,
        clock,
        snapshotEveryBatches,
        fsync,
        inboxCapacity,
        storage,
        security);
  }

  public EngineConfig withSecurity(SecurityConfig newSecurity) {
    return new EngineConfig(
        dataDir,
        grpcPort,
        restPort,
        clock,
        snapshotEveryBatches,
        fsync,
        inboxCapacity,
        secondaryStorage,
        newSecurity);
  }
}
