package io.orderhub.domain;

import io.orderhub.domain.inventory.infrastructure.InventoryConfiguration;
import io.orderhub.domain.order.infrastructure.OrderConfiguration;
import io.orderhub.domain.outbox.infrastructure.OutboxConfiguration;
import io.orderhub.domain.payment.infrastructure.PaymentConfiguration;
import io.orderhub.domain.shipment.infrastructure.ShipmentConfiguration;
import io.orderhub.domain.shipment.infrastructure.noderedis.NodeRedisConfiguration;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.PropertySource;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;

/**
 * Everything the domain module contributes to a Spring Boot application: import it
 * ({@code @Import(DomainConfiguration.class)}) next to {@code @SpringBootApplication}. Needs a
 * {@code DataSource} to PostgreSQL (Boot's {@code spring.datasource.*}); Flyway migrates the
 * schemas at startup and Hibernate validates the mapping against them.
 *
 * <p>Registers the JPA repositories and entities of this module only: an application with entities
 * of its own adds its packages to {@code @EntityScan}/{@code @EnableJpaRepositories}. Defaults
 * (ddl-auto=validate, no open-in-view) come from {@code orderhub-domain.properties}, with lower
 * precedence than the application's own properties.
 */
@Configuration(proxyBeanMethods = false)
@EnableJpaRepositories(basePackageClasses = DomainConfiguration.class)
@EntityScan(basePackageClasses = DomainConfiguration.class)
@PropertySource("classpath:orderhub-domain.properties")
@Import({
  OutboxConfiguration.class,
  OrderConfiguration.class,
  InventoryConfiguration.class,
  PaymentConfiguration.class,
  ShipmentConfiguration.class,
  NodeRedisConfiguration.class
})
public class DomainConfiguration {}
