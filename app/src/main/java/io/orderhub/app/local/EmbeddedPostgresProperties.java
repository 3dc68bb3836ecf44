package io.orderhub.app.local;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The in-process PostgreSQL of the local profile ({@code orderhub.postgres.*}), run from the
 * embedded binaries. With {@code embedded=false} the application uses {@code spring.datasource.*}
 * as any Boot application does.
 *
 * @param dataDir the cluster's data directory; kept across restarts (initialised when empty)
 */
@ConfigurationProperties("orderhub.postgres")
public record EmbeddedPostgresProperties(
    @DefaultValue("false") boolean embedded,
    @DefaultValue("./data/postgres") String dataDir,
    @DefaultValue("5433") int port) {}
