package io.orderhub.app.schema;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.InitializingBean;

/**
 * Migrates the application's own schema {@code app} from {@code classpath:db/app}, with a history
 * table of its own: the domain module's migrations (Boot's Flyway, {@code db/migration}) number
 * their versions independently, so sharing one history would make the two collide.
 */
public class AppSchema implements InitializingBean {

  public static final String SCHEMA = "app";

  private final DataSource dataSource;

  public AppSchema(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public void afterPropertiesSet() {
    Flyway.configure()
        .dataSource(dataSource)
        .schemas(SCHEMA)
        .createSchemas(true)
        .table("flyway_schema_history")
        .locations("classpath:db/app")
        .load()
        .migrate();
  }
}
