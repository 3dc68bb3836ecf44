package io.orderhub.app.events;

import io.orderhub.domain.outbox.application.OutboxPublisher;
import io.orderhub.domain.outbox.model.OutboxMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

/**
 * Sends outbox rows to one Kafka topic: key = order id (one partition per order, so each order's
 * events keep their order), value = the event's JSON, headers {@value #EVENT_TYPE}, {@value
 * #EVENT_ID} (the row id, the consumers' deduplication key) and {@value #OCCURRED_AT} (ISO-8601).
 *
 * <p>Returns only once the broker acknowledged every record of the batch, as the {@link
 * OutboxPublisher} contract asks: the relay marks the rows published after that, so a failed or
 * timed-out send leaves the whole batch to be sent again (at least once).
 */
public class KafkaOutboxPublisher implements OutboxPublisher {

  public static final String EVENT_TYPE = "event-type";
  public static final String EVENT_ID = "event-id";
  public static final String OCCURRED_AT = "occurred-at";

  private final KafkaTemplate<String, String> kafka;
  private final String topic;
  private final Duration timeout;

  public KafkaOutboxPublisher(KafkaTemplate<String, String> kafka, String topic, Duration timeout) {
    this.kafka = kafka;
    this.topic = topic;
    this.timeout = timeout;
  }

  @Override
  public void publish(List<OutboxMessage> batch) throws Exception {
    // send the whole batch before waiting, so it travels in as few requests as the producer likes;
    // the idempotent producer keeps the per-partition order of these sends
    List<CompletableFuture<SendResult<String, String>>> acks = new ArrayList<>(batch.size());
    for (OutboxMessage message : batch) {
      acks.add(kafka.send(record(message)));
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    for (CompletableFuture<SendResult<String, String>> ack : acks) {
      ack.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    }
  }

  private ProducerRecord<String, String> record(OutboxMessage message) {
    ProducerRecord<String, String> record =
        new ProducerRecord<>(topic, message.aggregateId(), message.payload());
    record.headers().add(EVENT_TYPE, bytes(message.eventType()));
    record.headers().add(EVENT_ID, bytes(message.id().toString()));
    record.headers().add(OCCURRED_AT, bytes(message.occurredAt().toString()));
    return record;
  }

  private static byte[] bytes(String value) {
    return value.getBytes(StandardCharsets.UTF_8);
  }
}
