package io.orderhub.app.local;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The in-process engine of the local profile ({@code orderhub.engine.*}). With {@code
 * embedded=false} none is started and the Camunda client ({@code camunda.client.*}) points at a
 * remote Zeebe-API engine instead.
 *
 * @param dataDir journal and snapshots; kept across restarts
 * @param monitoringPort the engine's metrics and probes (as Zeebe's 9600); negative: none
 * @param wedgedAfter a processing step running longer makes the engine's liveness DOWN
 * @param secondaryStorageUrl the engine's read model (JDBC URL); empty means an H2 file under
 *     dataDir. The local profile points it at the embedded PostgreSQL, in its own schema.
 * @param host the address the engine's gRPC and REST gateways bind; loopback unless set
 * @param auth {@code basic} (default) or {@code none}, which opens every door and logs a warning
 * @param adminPassword the engine's first admin ({@code admin}); empty: generated at first start
 *     and logged once (ORDERHUB_ENGINE_ADMIN_PASSWORD sets it)
 */
@ConfigurationProperties("orderhub.engine")
public record EmbeddedEngineProperties(
    @DefaultValue("false") boolean embedded,
    @DefaultValue("./data/engine") String dataDir,
    @DefaultValue("26500") int grpcPort,
    @DefaultValue("8080") int restPort,
    @DefaultValue("9600") int monitoringPort,
    @DefaultValue("30s") Duration wedgedAfter,
    @DefaultValue("") String secondaryStorageUrl,
    @DefaultValue("") String secondaryStorageUser,
    @DefaultValue("") String secondaryStoragePassword,
    @DefaultValue("127.0.0.1") String host,
    @DefaultValue("basic") String auth,
    @DefaultValue("") String adminPassword) {}
