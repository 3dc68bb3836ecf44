package io.orderhub.app.local;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Runs a real PostgreSQL server in-process from the embedded binaries ({@code
 * orderhub.postgres.embedded=true}, the local profile), on {@code orderhub.postgres.port} with its
 * data under {@code orderhub.postgres.data-dir}, so orders survive a restart. Boot's DataSource
 * connects to it through {@code spring.datasource.url} (see {@code application-local.properties}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EmbeddedPostgresProperties.class)
@ConditionalOnProperty(name = "orderhub.postgres.embedded", havingValue = "true")
public class EmbeddedPostgresConfiguration {

  static final String POSTGRES_BEAN = "embeddedPostgres";

  @Bean(name = POSTGRES_BEAN, destroyMethod = "close")
  EmbeddedPostgres embeddedPostgres(EmbeddedPostgresProperties properties) throws IOException {
    Path dataDir = Path.of(properties.dataDir()).toAbsolutePath().normalize();
    Files.createDirectories(dataDir);
    return EmbeddedPostgres.builder()
        .setDataDirectory(dataDir)
        .setCleanDataDirectory(false)
        // stopped by the context (after the DataSource closed), not by a JVM hook racing it
        .setRegisterShutdownHook(false)
        .setPort(properties.port())
        .setServerConfig("max_connections", "100")
        .start();
  }

  /** The embedded engine keeps its read model here too: it starts after the server. */
  @Bean
  static BeanFactoryPostProcessor engineAfterEmbeddedPostgres() {
    return DependsOn.beansOfType(io.orderhub.engine.Engine.class, POSTGRES_BEAN);
  }

  /** The DataSource (and so Flyway, JPA …) comes after the server, and goes before it. */
  @Bean
  static BeanFactoryPostProcessor dataSourceAfterEmbeddedPostgres() {
    return DependsOn.beansOfType(DataSource.class, POSTGRES_BEAN);
  }
}
