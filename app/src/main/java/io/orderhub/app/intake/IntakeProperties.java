package io.orderhub.app.intake;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How orders get in ({@code orderhub.intake.*}).
 *
 * @param mode {@code sync} (the default: placed and persisted within the request) or {@code kafka}
 * @param bootstrapServers the Kafka cluster; empty: the in-process broker when {@code
 *     broker.embedded} is on (local profile), else {@code spring.kafka.bootstrap-servers}
 * @param topic the intake topic, keyed by order id
 * @param callbacksTopic payment providers' callbacks, keyed by payment id
 * @param partitions partitions of both topics when the application creates them
 * @param sendTimeout how long a request waits for the broker's acknowledgement (bounds the
 *     producer's blocking and its delivery timeout too); past it the answer is 503
 * @param retryAfter the Retry-After of that 503
 * @param batchSize the most orders one consumer batch persists in one transaction
 * @param consumers consumer threads of this node (each owns some partitions)
 * @param group the consumer group
 * @param acceptedRetention how long this node remembers an acknowledged order for GET while it
 *     waits to be persisted
 * @param broker the in-process broker
 */
@ConfigurationProperties("orderhub.intake")
public record IntakeProperties(
    @DefaultValue("sync") Mode mode,
    @DefaultValue("") String bootstrapServers,
    @DefaultValue("orders.intake") String topic,
    @DefaultValue("payments.callbacks") String callbacksTopic,
    @DefaultValue("6") int partitions,
    @DefaultValue("PT5S") Duration sendTimeout,
    @DefaultValue("PT5S") Duration retryAfter,
    @DefaultValue("500") int batchSize,
    @DefaultValue("2") int consumers,
    @DefaultValue("orderhub-intake") String group,
    @DefaultValue("PT15M") Duration acceptedRetention,
    @DefaultValue Broker broker) {

  public enum Mode {
    SYNC,
    KAFKA
  }

  /**
   * The in-process KRaft broker (Apache Kafka's own server), for local runs.
   *
   * @param embedded start it when the intake is in kafka mode and no bootstrap servers are set
   * @param port its client listener (loopback)
   * @param controllerPort its KRaft controller listener (loopback)
   * @param dataDir its log directory; kept across restarts
   */
  public record Broker(
      @DefaultValue("false") boolean embedded,
      @DefaultValue("9092") int port,
      @DefaultValue("9093") int controllerPort,
      @DefaultValue("./data/kafka") String dataDir) {}
}
