package io.orderhub.domain;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The domain module as an application would use it: Boot's auto-configuration plus {@link
 * DomainConfiguration}, on a fresh database of the embedded PostgreSQL server. Spring caches the
 * context, so all test classes with the same configuration share one database; their data never
 * collide because every test makes its own order ids and SKUs.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(DomainConfiguration.class)
public class TestDomainApplication {

  @Bean
  HikariDataSource dataSource() {
    return EmbeddedPostgresServer.freshDatabase();
  }
}
