package io.orderhub.app.intake;

import io.orderhub.app.order.KnownSkus;
import io.orderhub.app.payment.PaymentCallbacks;
import io.orderhub.app.process.ProcessStarter;
import io.orderhub.domain.inventory.application.InventoryService;
import io.orderhub.domain.order.application.OrderService;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Kafka intake, wired only in {@code orderhub.intake.mode=kafka}: the producer behind {@code
 * POST /api/orders}, the consumer group that persists, the topics. The synchronous mode has none of
 * these beans.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "orderhub.intake.mode", havingValue = "kafka")
public class IntakeConfiguration {

  private static final Logger LOG = LoggerFactory.getLogger(IntakeConfiguration.class);

  /** Where the intake's cluster is: configured, else the in-process broker, else Boot's. */
  @Bean
  IntakeCluster intakeCluster(
      IntakeProperties properties,
      ObjectProvider<InProcessKafkaBroker> broker,
      @Value("${spring.kafka.bootstrap-servers:localhost:9092}") String springBootstrapServers) {
    if (!properties.bootstrapServers().isBlank()) {
      return new IntakeCluster(properties.bootstrapServers());
    }
    InProcessKafkaBroker local = broker.getIfAvailable();
    return new IntakeCluster(local != null ? local.bootstrapServers() : springBootstrapServers);
  }

  /** The bootstrap servers of the cluster the intake uses. */
  public record IntakeCluster(String bootstrapServers) {}

  /**
   * Idempotent, {@code acks=all}: the broker's retries neither duplicate nor lose a record, and an
   * acknowledged order is on every in-sync replica. Blocking and delivery are bounded by the send
   * timeout, so a dead broker turns into a 503 instead of a hanging request.
   */
  @Bean(destroyMethod = "close")
  Producer<String, String> intakeProducer(IntakeCluster cluster, IntakeProperties properties) {
    int timeoutMs = Math.toIntExact(properties.sendTimeout().toMillis());
    Map<String, Object> config = new HashMap<>();
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeoutMs);
    config.put(ProducerConfig.LINGER_MS_CONFIG, 2);
    config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.max(1, timeoutMs - 10));
    // the client insists on delivery.timeout >= linger + request.timeout
    config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, timeoutMs + 2);
    config.put(ProducerConfig.CLIENT_ID_CONFIG, "orderhub-intake");
    return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
  }

  @Bean
  AcceptedIntakes acceptedIntakes(IntakeProperties properties, ObjectProvider<Clock> clock) {
    return new AcceptedIntakes(
        clock.getIfAvailable(Clock::systemUTC), properties.acceptedRetention());
  }

  @Bean
  KafkaOrderIntake kafkaOrderIntake(
      Producer<String, String> intakeProducer,
      IntakeProperties properties,
      JsonMapper json,
      InventoryService inventory,
      OrderService orders,
      AcceptedIntakes accepted,
      ObjectProvider<Clock> clock) {
    return new KafkaOrderIntake(
        intakeProducer,
        properties,
        json,
        new KnownSkus(inventory),
        orders,
        accepted,
        clock.getIfAvailable(Clock::systemUTC));
  }

  @Bean(destroyMethod = "shutdownNow")
  ExecutorService intakeProcessStarts() {
    return Executors.newFixedThreadPool(16, Thread.ofPlatform().name("intake-start-", 0).factory());
  }

  @Bean
  IntakeConsumer intakeConsumer(
      JsonMapper json,
      OrderService orders,
      ProcessStarter starter,
      AcceptedIntakes accepted,
      ExecutorService intakeProcessStarts) {
    return new IntakeConsumer(json, orders, starter, accepted, intakeProcessStarts);
  }

  /**
   * The consumer group. Offsets are committed after each batch returned (after its database
   * commit); a failing batch is retried, every second, until it passes — nothing is skipped.
   */
  @Bean(destroyMethod = "stop")
  ConcurrentMessageListenerContainer<String, String> intakeListenerContainer(
      IntakeCluster cluster,
      IntakeProperties properties,
      IntakeConsumer consumer,
      IntakeTopics topics) {
    ContainerProperties container = new ContainerProperties(properties.topic());
    container.setAckMode(ContainerProperties.AckMode.BATCH);
    container.setMessageListener(consumer);
    ConcurrentMessageListenerContainer<String, String> listener =
        new ConcurrentMessageListenerContainer<>(
            consumerFactory(cluster, properties, properties.batchSize()), container);
    listener.setConcurrency(properties.consumers());
    listener.setBeanName("orderhub-intake");
    listener.setCommonErrorHandler(
        new DefaultErrorHandler(new FixedBackOff(1000, FixedBackOff.UNLIMITED_ATTEMPTS)));
    return listener;
  }

  @Bean
  KafkaCallbackQueue kafkaCallbackQueue(
      Producer<String, String> intakeProducer, IntakeProperties properties, JsonMapper json) {
    return new KafkaCallbackQueue(intakeProducer, properties, json);
  }

  /** Payment callbacks, one record at a time (each may publish a message to the engine). */
  @Bean(destroyMethod = "stop")
  ConcurrentMessageListenerContainer<String, String> callbackListenerContainer(
      IntakeCluster cluster,
      IntakeProperties properties,
      JsonMapper json,
      PaymentCallbacks callbacks,
      IntakeTopics topics) {
    ContainerProperties container = new ContainerProperties(properties.callbacksTopic());
    container.setAckMode(ContainerProperties.AckMode.RECORD);
    container.setMessageListener(new CallbackConsumer(json, callbacks));
    ConcurrentMessageListenerContainer<String, String> listener =
        new ConcurrentMessageListenerContainer<>(
            consumerFactory(cluster, properties, 100), container);
    listener.setBeanName("orderhub-payment-callbacks");
    listener.setCommonErrorHandler(
        new DefaultErrorHandler(new FixedBackOff(1000, FixedBackOff.UNLIMITED_ATTEMPTS)));
    return listener;
  }

  static DefaultKafkaConsumerFactory<String, String> consumerFactory(
      IntakeCluster cluster, IntakeProperties properties, int maxPollRecords) {
    Map<String, Object> config = new HashMap<>();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
    config.put(ConsumerConfig.GROUP_ID_CONFIG, properties.group());
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxPollRecords);
    // only what the producer acknowledged (acks=all) is ever handed out, even mid-transaction
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    return new DefaultKafkaConsumerFactory<>(
        config, new StringDeserializer(), new StringDeserializer());
  }

  /**
   * Creates the intake's topics when they are missing. A broker that is down at startup does not
   * stop the application: the producer answers 503 and the consumers wait until it is back.
   */
  @Bean
  IntakeTopics intakeTopics(IntakeCluster cluster, IntakeProperties properties) {
    try (Admin admin =
        Admin.create(
            Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                cluster.bootstrapServers(),
                // the client refuses an API timeout below its request timeout
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
                10_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                10_000))) {
      Set<String> existing = admin.listTopics().names().get(10, TimeUnit.SECONDS);
      List<NewTopic> missing =
          List.of(properties.topic(), properties.callbacksTopic()).stream()
              .filter(name -> !existing.contains(name))
              .map(name -> new NewTopic(name, properties.partitions(), (short) -1))
              .toList();
      if (!missing.isEmpty()) {
        admin.createTopics(missing).all().get(10, TimeUnit.SECONDS);
      }
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      LOG.warn(
          "Could not check or create the intake topics on {}: {} (cause: {})",
          cluster.bootstrapServers(),
          e.toString(),
          String.valueOf(e.getCause()));
    }
    return new IntakeTopics(properties.topic(), properties.callbacksTopic());
  }

  /** The intake's topics, checked (and created if missing) at startup. */
  public record IntakeTopics(String orders, String callbacks) {}
}
