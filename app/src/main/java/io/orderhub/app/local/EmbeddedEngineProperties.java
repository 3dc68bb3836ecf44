package io.orderhub.app.local;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The in-process engine of the local profile ({@code orderhub.engine.*}). With {@code
 * embedded=false} none is started and the Camunda client ({@code camunda.client.*}) points at a
 * remote Zeebe-API engine instead.
 *
 * @param dataDir journal and snapshots; kept across restarts
 * @param secondaryStorageUrl the engine's read model (JDBC URL); empty means an H2 file under
 *     dataDir. The local profile points it at the embedded PostgreSQL, in its own schema.
 */
@ConfigurationProperties("orderhub.engine")
public record EmbeddedEngineProperties(
    @DefaultValue("false") boolean embedded,
    @DefaultValue("./data/engine") String dataDir,
    @DefaultValue("26500") int grpcPort,
    @DefaultValue("8080") int restPort,
    @DefaultValue("") String secondaryStorageUrl,
    @DefaultValue("") String secondaryStorageUser,
    @DefaultValue("") String secondaryStoragePassword) {}
