package io.orderhub.domain.outbox.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orderhub.domain.Fixtures;
import io.orderhub.domain.OutboxRows;
import io.orderhub.domain.order.application.OrderService;
import io.orderhub.domain.order.application.PlaceOrder;
import io.orderhub.domain.order.model.Order;
import io.orderhub.domain.order.model.OrderStatus;
import io.orderhub.domain.shared.model.OrderId;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The state change and its outbox rows commit together, or not at all. */
@SpringBootTest
class OutboxTransactionTest {

  @Autowired OrderService orders;
  @Autowired OutboxWriter writer;
  @Autowired PlatformTransactionManager transactionManager;
  @Autowired DataSource dataSource;
  OutboxRows outbox;
  JdbcClient jdbc;

  @BeforeEach
  void setUp() {
    outbox = new OutboxRows(dataSource);
    jdbc = JdbcClient.create(dataSource);
  }

  @Test
  void shouldRollBackOrderAndOutboxRowTogether() {
    PlaceOrder command = Fixtures.placeOrder();
    TransactionTemplate tx = new TransactionTemplate(transactionManager);

    tx.executeWithoutResult(
        status -> {
          orders.place(command);
          // inside the transaction both rows exist ...
          assertThat(countOrders(command.orderId())).isEqualTo(1);
          assertThat(countOutboxRows(command.orderId())).isEqualTo(1);
          status.setRollbackOnly();
        });

    // ... after the rollback neither does
    assertThat(countOrders(command.orderId())).isZero();
    assertThat(countOutboxRows(command.orderId())).isZero();
  }

  @Test
  void shouldRollBackTransitionAndItsEventWhenTheTransactionFails() {
    OrderId id = orders.place(Fixtures.placeOrder()).order().orderId();
    TransactionTemplate tx = new TransactionTemplate(transactionManager);

    assertThatThrownBy(
            () ->
                tx.executeWithoutResult(
                    status -> {
                      orders.change(id, Order::markValidated);
                      throw new IllegalStateException("crash after the change");
                    }))
        .hasMessage("crash after the change");

    assertThat(orders.get(id).status()).isEqualTo(OrderStatus.CREATED);
    assertThat(outbox.eventTypes(id)).containsExactly("OrderCreated");
  }

  @Test
  void shouldRefuseToWriteOutsideATransaction() {
    Order order = Fixtures.newOrder();

    assertThatThrownBy(() -> writer.appendRecordedEvents(order))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("but no transaction is active");
    assertThat(order.recordedEvents()).as("events kept for a proper attempt").hasSize(1);
  }

  private long countOrders(OrderId id) {
    return jdbc.sql("select count(*) from orders.customer_order where id = ?")
        .param(id.value())
        .query(Long.class)
        .single();
  }

  private long countOutboxRows(OrderId id) {
    return jdbc.sql("select count(*) from outbox.outbox_event where aggregate_id = ?")
        .param(id.asString())
        .query(Long.class)
        .single();
  }
}
