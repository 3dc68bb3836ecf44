package io.orderhub.app.events;

import static io.orderhub.app.Fixtures.key;
import static io.orderhub.app.Fixtures.orderJson;
import static io.orderhub.app.Fixtures.uniqueCustomer;
import static io.orderhub.app.Fixtures.uniqueKey;
import static org.assertj.core.api.Assertions.assertThat;

import io.orderhub.app.Http;
import io.orderhub.app.OrderHubApplication;
import io.orderhub.app.TestServers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole application with the Kafka relay on, against an embedded broker: an order's outbox rows
 * reach {@code orders.events} through the scheduled relay. A context of its own (not {@code
 * ApplicationTest}'s shared one), because the relay it turns on would publish every other test's
 * rows too.
 */
@SpringBootTest(
    classes = OrderHubApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "orderhub.events.kafka.enabled=true",
      "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
      "orderhub.events.relay-interval=PT0.2S"
    })
@ActiveProfiles({"local", "test"})
@EmbeddedKafka(partitions = 3, topics = "orders.events")
class OutboxToKafkaTest {

  private static final Duration PATIENCE = Duration.ofSeconds(30);

  @DynamicPropertySource
  static void embeddedServers(DynamicPropertyRegistry registry) {
    TestServers.register(registry, true);
  }

  @LocalServerPort int httpPort;
  @Autowired DataSource dataSource;

  @Value("${spring.embedded.kafka.brokers}")
  String brokers;

  record Row(String id, String eventType) {}

  @Test
  void shouldPublishAnOrdersEventsKeyedByItsIdInTheOrderTheyWereWritten() {
    Http http = new Http(httpPort);
    Http.Response created = http.post("/api/orders", orderJson(uniqueCustomer()), key(uniqueKey()));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    String orderId = created.json().path("id").asString();
    Http.Response cancelled =
        http.post("/api/orders/" + orderId + "/cancellation", "{\"reason\":\"changed my mind\"}");
    assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(202);

    List<ConsumerRecord<String, String>> received = new ArrayList<>();
    List<Row> written;
    try (KafkaConsumer<String, String> consumer = consumer()) {
      consumer.subscribe(List.of("orders.events"));
      Instant deadline = Instant.now().plus(PATIENCE);
      do {
        consumer.poll(Duration.ofMillis(200)).forEach(r -> received.add(r));
        written = rowsOf(orderId);
      } while ((unpublished(orderId) > 0 || ofOrder(received, orderId).size() < written.size())
          && Instant.now().isBefore(deadline));
    }

    List<ConsumerRecord<String, String>> events = ofOrder(received, orderId);
    assertThat(unpublished(orderId)).as("unpublished outbox rows of the order").isZero();
    assertThat(events.stream().map(r -> new Row(header(r, "event-id"), header(r, "event-type"))))
        .as("the order's events on the topic, in the order they were written")
        .containsExactlyElementsOf(written);
    assertThat(written.getFirst().eventType()).isEqualTo("OrderCreated");
    assertThat(written).extracting(Row::eventType).contains("OrderCancellationRequested");
    assertThat(events)
        .allSatisfy(
            r -> {
              assertThat(r.key()).isEqualTo(orderId);
              assertThat(r.partition()).isEqualTo(events.getFirst().partition());
              assertThat(Instant.parse(header(r, "occurred-at"))).isBefore(Instant.now());
              assertThat(r.value()).startsWith("{").contains(orderId);
            });
    assertThat(events.getLast().value()).contains("changed my mind");
  }

  private KafkaConsumer<String, String> consumer() {
    return new KafkaConsumer<>(
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            brokers,
            ConsumerConfig.GROUP_ID_CONFIG,
            "outbox-test-" + UUID.randomUUID(),
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
            "earliest"),
        new StringDeserializer(),
        new StringDeserializer());
  }

  private static List<ConsumerRecord<String, String>> ofOrder(
      List<ConsumerRecord<String, String>> records, String orderId) {
    return records.stream().filter(r -> orderId.equals(r.key())).toList();
  }

  private static String header(ConsumerRecord<String, String> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }

  private List<Row> rowsOf(String orderId) {
    return JdbcClient.create(dataSource)
        .sql(
            "select id::text, event_type from outbox.outbox_event where aggregate_id = :id"
                + " order by position")
        .param("id", orderId)
        .query((rs, n) -> new Row(rs.getString(1), rs.getString(2)))
        .list();
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
