package io.orderhub.app.intake;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * In kafka mode the consumer saves hundreds of orders per transaction: Hibernate sends their
 * inserts as JDBC batches, and the PostgreSQL driver rewrites each batch into multi-row {@code
 * insert … values (…), (…), …} statements — a few round trips per batch instead of one per row. The
 * synchronous path saves one order at a time and is unaffected.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "orderhub.intake.mode", havingValue = "kafka")
public class BatchInsertsConfiguration {

  static final int JDBC_BATCH_SIZE = 128;

  @Bean
  HibernatePropertiesCustomizer intakeBatchInserts() {
    return properties -> {
      properties.put("hibernate.jdbc.batch_size", JDBC_BATCH_SIZE);
      properties.put("hibernate.order_inserts", true);
    };
  }

  @Bean
  static BeanPostProcessor rewriteBatchedInserts() {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource hikari) {
          hikari.addDataSourceProperty("reWriteBatchedInserts", "true");
        }
        return bean;
      }
    };
  }
}
