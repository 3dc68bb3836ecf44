package io.orderhub.engine.exporter;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The read model's database: a connection pool over the configured JDBC URL, its schema migrated by
 * Flyway on open. Thread-safe; the exporter writes through it, the REST searches read through it.
 */
public final class SecondaryStorage implements AutoCloseable {

  private final SecondaryStorageConfig config;
  private final HikariDataSource dataSource;

  private SecondaryStorage(SecondaryStorageConfig config, HikariDataSource dataSource) {
    this.config = config;
    this.dataSource = dataSource;
  }

  public static SecondaryStorage open(SecondaryStorageConfig config) {
    if (!config.enabled()) {
      throw new IllegalArgumentException(
          "Expected a secondary storage URL, but none is configured");
    }
    HikariConfig hikari = new HikariConfig();
    hikari.setJdbcUrl(config.url());
    hikari.setUsername(config.user());
    hikari.setPassword(config.password());
    hikari.setPoolName("engine-secondary-storage");
    hikari.setMaximumPoolSize(8);
    hikari.setMinimumIdle(1);
    HikariDataSource dataSource = new HikariDataSource(hikari);
    try {
      var flyway = Flyway.configure(SecondaryStorage.class.getClassLoader()).dataSource(dataSource);
      String schema = currentSchema(config.url());
      if (schema != null) {
        flyway = flyway.schemas(schema).createSchemas(true);
      }
      flyway
          .locations("classpath:db/readmodel")
          .table("readmodel_schema_history")
          // the all-in-one app shares its PostgreSQL database: our history table is our own
          .baselineOnMigrate(true)
          .baselineVersion("0")
          .placeholders(java.util.Map.of("text", config.isPostgres() ? "TEXT" : "CLOB"))
          .load()
          .migrate();
    } catch (RuntimeException e) {
      dataSource.close();
      throw e;
    }
    return new SecondaryStorage(config, dataSource);
  }

  /** PostgreSQL's {@code currentSchema} URL parameter, so the read model can get its own schema. */
  static String currentSchema(String url) {
    int query = url.indexOf('?');
    if (query < 0) {
      return null;
    }
    for (String param : url.substring(query + 1).split("&")) {
      if (param.startsWith("currentSchema=")) {
        return param.substring("currentSchema=".length());
      }
    }
    return null;
  }

  public DataSource dataSource() {
    return dataSource;
  }

  public SecondaryStorageConfig config() {
    return config;
  }

  @Override
  public void close() {
    dataSource.close();
  }
}
