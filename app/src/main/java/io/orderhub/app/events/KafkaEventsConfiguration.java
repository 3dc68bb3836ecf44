package io.orderhub.app.events;

import io.orderhub.domain.outbox.application.OutboxRelay;
import java.util.Map;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The outbox's way to Kafka, wired only when {@code orderhub.events.kafka.enabled=true}: without it
 * no producer, admin client or relay exists, and the rows simply wait in the outbox.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("orderhub.events.kafka.enabled")
@EnableConfigurationProperties(EventsProperties.class)
public class KafkaEventsConfiguration {

  @Bean
  KafkaTemplate<String, String> outboxKafkaTemplate(
      @Value("${spring.kafka.bootstrap-servers:localhost:9092}") String bootstrapServers,
      EventsProperties properties) {
    return new KafkaTemplate<>(
        new DefaultKafkaProducerFactory<>(
            producerConfig(bootstrapServers, properties),
            new StringSerializer(),
            new StringSerializer()));
  }

  /**
   * Idempotent, acks from all in-sync replicas: the broker's retries neither duplicate nor reorder
   * an order's events, and an acknowledged event survives a broker's loss.
   */
  static Map<String, Object> producerConfig(String bootstrapServers, EventsProperties properties) {
    int timeoutMs = Math.toIntExact(properties.sendTimeout().toMillis());
    return Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
        bootstrapServers,
        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
        true,
        ProducerConfig.ACKS_CONFIG,
        "all",
        // without these a send to an unreachable broker blocks for a minute and retries for two,
        // far past the publisher's wait; the relay retries the batch on its next run anyway
        ProducerConfig.MAX_BLOCK_MS_CONFIG,
        timeoutMs,
        // the client insists on delivery.timeout >= linger + request.timeout
        ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG,
        Math.max(1, timeoutMs / 2),
        ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
        timeoutMs);
  }

  @Bean
  KafkaOutboxPublisher kafkaOutboxPublisher(
      KafkaTemplate<String, String> outboxKafkaTemplate, EventsProperties properties) {
    return new KafkaOutboxPublisher(
        outboxKafkaTemplate, properties.topic(), properties.sendTimeout());
  }

  @Bean
  OutboxRelayJob outboxRelayJob(OutboxRelay relay, KafkaOutboxPublisher publisher) {
    return new OutboxRelayJob(relay, publisher);
  }

  /** Creates the topic on startup when it is missing; an existing topic is left as it is. */
  @Bean
  KafkaAdmin outboxKafkaAdmin(
      @Value("${spring.kafka.bootstrap-servers:localhost:9092}") String bootstrapServers) {
    KafkaAdmin admin =
        new KafkaAdmin(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    // a broker that is down at startup must not stop the application: the relay waits for it
    admin.setFatalIfBrokerNotAvailable(false);
    return admin;
  }

  @Bean
  NewTopic ordersEventsTopic(EventsProperties properties) {
    return TopicBuilder.name(properties.topic()).partitions(properties.partitions()).build();
  }
}
