package io.orderhub.app.schema;

import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class SchemaConfiguration {

  // not a Flyway bean: one would make Boot's Flyway auto-configuration (the domain's) back off
  @Bean
  AppSchema appSchema(DataSource dataSource) {
    return new AppSchema(dataSource);
  }
}
