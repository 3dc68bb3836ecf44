package io.orderhub.domain.order.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.orderhub.domain.EmbeddedPostgresServer;
import io.orderhub.domain.Fixtures;
import io.orderhub.domain.order.model.Order;
import io.orderhub.domain.order.model.OrderStatus;
import io.orderhub.domain.shared.model.OrderId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.context.annotation.Bean;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@code Orders} repository alone, in a JPA slice (Flyway + Hibernate validate, no services),
 * on a database of its own.
 */
@DataJpaTest(showSql = false)
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
// two stale copies need two real transactions, not the slice's one rolled-back test transaction
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class OrdersOptimisticLockingTest {

  @SpringBootConfiguration
  @EnableJpaRepositories(basePackageClasses = Orders.class)
  @EntityScan(basePackageClasses = Order.class)
  static class OrdersOnly {

    @Bean
    HikariDataSource dataSource() {
      return EmbeddedPostgresServer.freshDatabase();
    }
  }

  @Autowired Orders orders;
  @Autowired PlatformTransactionManager transactionManager;

  @Test
  void shouldRefuseTheSecondOfTwoStaleCopies() {
    TransactionTemplate tx = new TransactionTemplate(transactionManager);
    Order placed = Fixtures.newOrder();
    OrderId id = placed.orderId();
    tx.executeWithoutResult(status -> orders.save(placed));

    // two workers load the same version ...
    Order copyA = tx.execute(status -> orders.find(id).orElseThrow());
    Order copyB = tx.execute(status -> orders.find(id).orElseThrow());

    // ... the first one's change commits
    copyA.markValidated();
    tx.executeWithoutResult(status -> orders.saveAndFlush(copyA));

    // ... the second one's change is refused
    copyB.requestCancellation("customer changed mind");
    assertThatThrownBy(() -> tx.executeWithoutResult(status -> orders.saveAndFlush(copyB)))
        .isInstanceOf(ObjectOptimisticLockingFailureException.class);

    Order stored = tx.execute(status -> orders.find(id).orElseThrow());
    assertThat(stored.status()).isEqualTo(OrderStatus.VALIDATED);
    assertThat(stored.version()).isEqualTo(1);
  }
}
