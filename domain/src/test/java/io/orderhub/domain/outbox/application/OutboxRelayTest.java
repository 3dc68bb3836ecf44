package io.orderhub.domain.outbox.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orderhub.domain.Fixtures;
import io.orderhub.domain.order.application.OrderService;
import io.orderhub.domain.order.model.Order;
import io.orderhub.domain.outbox.model.OutboxMessage;
import io.orderhub.domain.shared.model.OrderId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The relay on a database of its own (the different batch size makes a context of its own), so it
 * sees exactly the rows of this class. Each test starts by draining what earlier ones left.
 */
@SpringBootTest(properties = "orderhub.outbox.relay.batch-size=3")
class OutboxRelayTest {

  @Autowired OutboxRelay relay;
  @Autowired OrderService orders;
  @Autowired PlatformTransactionManager transactionManager;
  @Autowired DataSource dataSource;

  /** Remembers what it was handed, batch by batch. */
  static final class CollectingPublisher implements OutboxPublisher {
    final List<List<OutboxMessage>> batches = new ArrayList<>();

    @Override
    public void publish(List<OutboxMessage> batch) {
      batches.add(List.copyOf(batch));
    }

    List<OutboxMessage> all() {
      return batches.stream().flatMap(List::stream).toList();
    }
  }

  @BeforeEach
  void drain() {
    relay.relayAll(batch -> {});
  }

  @Test
  void shouldPublishInWriteOrderAndMarkPublished() {
    // given two orders whose events interleave
    OrderId a = orders.place(Fixtures.placeOrder()).order().orderId();
    OrderId b = orders.place(Fixtures.placeOrder()).order().orderId();
    orders.change(a, Order::markValidated);
    orders.change(b, Order::markValidated);
    orders.change(a, Order::markStockReserved);
    CollectingPublisher publisher = new CollectingPublisher();

    // when
    int published = relay.relayAll(publisher);

    // then: all five, in batches of at most three, in the order they were written
    assertThat(published).isEqualTo(5);
    assertThat(publisher.batches).extracting(List::size).containsExactly(3, 2);
    assertThat(publisher.all())
        .extracting(OutboxMessage::aggregateId, OutboxMessage::eventType)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(a.asString(), "OrderCreated"),
            org.assertj.core.groups.Tuple.tuple(b.asString(), "OrderCreated"),
            org.assertj.core.groups.Tuple.tuple(a.asString(), "OrderValidated"),
            org.assertj.core.groups.Tuple.tuple(b.asString(), "OrderValidated"),
            org.assertj.core.groups.Tuple.tuple(a.asString(), "OrderStockReserved"));
    assertThat(publisher.all()).extracting(OutboxMessage::position).isSorted();
    assertThat(publisher.all()).allSatisfy(m -> assertThat(m.aggregateType()).isEqualTo("Order"));
    assertThat(unpublishedRows()).isZero();
    assertThat(relay.backlog()).isZero();
    assertThat(relay.relayAll(new CollectingPublisher())).as("nothing twice").isZero();
  }

  @Test
  void shouldLeaveBatchUnpublishedWhenThePublisherFails() {
    OrderId id = orders.place(Fixtures.placeOrder()).order().orderId();

    assertThatThrownBy(
            () ->
                relay.relayBatch(
                    batch -> {
                      throw new java.io.IOException("broker unreachable");
                    }))
        .isInstanceOf(OutboxPublicationFailed.class)
        .hasMessageContaining("broker unreachable");
    assertThat(unpublishedRows()).isEqualTo(1);

    CollectingPublisher retry = new CollectingPublisher();
    relay.relayAll(retry);
    assertThat(retry.all()).extracting(OutboxMessage::aggregateId).containsExactly(id.asString());
  }

  @Test
  void shouldSkipRowsLockedByAnotherRelay() {
    OrderId first = orders.place(Fixtures.placeOrder()).order().orderId();
    OrderId second = orders.place(Fixtures.placeOrder()).order().orderId();
    TransactionTemplate otherRelay = new TransactionTemplate(transactionManager);
    CollectingPublisher publisher = new CollectingPublisher();

    otherRelay.executeWithoutResult(
        status -> {
          // another relay holds the first row ...
          JdbcClient.create(dataSource)
              .sql(
                  """
                  select id from outbox.outbox_event where aggregate_id = ?
                  for update
                  """)
              .param(first.asString())
              .query(String.class)
              .list();
          // ... so this one (its own transaction) takes only the second, without waiting
          relay.relayBatch(publisher);
        });

    assertThat(publisher.all())
        .extracting(OutboxMessage::aggregateId)
        .containsExactly(second.asString());
    assertThat(unpublishedRows()).isEqualTo(1);
  }

  @Test
  void shouldDeleteRowsPublishedBeforeTheCutoff() {
    orders.place(Fixtures.placeOrder());
    relay.relayAll(batch -> {});

    int deleted = relay.deletePublishedBefore(Instant.now().plusSeconds(60));

    assertThat(deleted).isPositive();
    assertThat(
            JdbcClient.create(dataSource)
                .sql("select count(*) from outbox.outbox_event")
                .query(Long.class)
                .single())
        .isZero();
  }

  private long unpublishedRows() {
    return JdbcClient.create(dataSource)
        .sql("select count(*) from outbox.outbox_event where published_at is null")
        .query(Long.class)
        .single();
  }
}
