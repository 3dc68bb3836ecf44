package io.orderhub.app.events;

import static io.orderhub.app.Fixtures.key;
import static io.orderhub.app.Fixtures.orderJson;
import static io.orderhub.app.Fixtures.uniqueCustomer;
import static io.orderhub.app.Fixtures.uniqueKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orderhub.app.ApplicationTest;
import io.orderhub.app.Http;
import io.orderhub.app.TestServers;
import io.orderhub.domain.outbox.application.OutboxPublicationFailed;
import io.orderhub.domain.outbox.application.OutboxRelay;
import java.time.Duration;
import javax.sql.DataSource;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The real publisher, pointed at a port where no broker listens, leaves the rows unpublished. On
 * the shared context, where the Kafka relay is off: a scheduled relay could otherwise publish the
 * rows before this test's failing one sees them.
 */
class OutboxRelayWithoutBrokerTest extends ApplicationTest {

  @Autowired OutboxRelay relay;
  @Autowired DataSource dataSource;

  @Test
  void shouldLeaveTheBatchUnpublishedWhenTheBrokerIsUnreachable() {
    Http.Response created =
        http().post("/api/orders", orderJson(uniqueCustomer()), key(uniqueKey()));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    String orderId = created.json().path("id").asString();
    long unpublishedBefore = unpublished(orderId);
    assertThat(unpublishedBefore).isPositive();

    EventsProperties settings =
        new EventsProperties("orders.events", 3, Duration.ofSeconds(1), Duration.ofSeconds(2));
    DefaultKafkaProducerFactory<String, String> producers =
        new DefaultKafkaProducerFactory<>(
            KafkaEventsConfiguration.producerConfig(
                "localhost:" + TestServers.freePort(), settings),
            new StringSerializer(),
            new StringSerializer());
    try {
      KafkaOutboxPublisher deadBroker =
          new KafkaOutboxPublisher(
              new KafkaTemplate<>(producers), settings.topic(), settings.sendTimeout());

      assertThatThrownBy(() -> relay.relayAll(deadBroker))
          .isInstanceOf(OutboxPublicationFailed.class);
    } finally {
      producers.destroy();
    }

    assertThat(unpublished(orderId)).isEqualTo(unpublishedBefore);
  }

  private long unpublished(String orderId) {
    return JdbcClient.create(dataSource)
        .sql(
            "select count(*) from outbox.outbox_event"
                + " where aggregate_id = :id and published_at is null")
        .param("id", orderId)
        .query(Long.class)
        .single();
  }
}
