package io.orderhub.app.intake;

import io.orderhub.app.payment.CallbackQueue;
import io.orderhub.app.payment.PaymentCallbackController.CallbackRequest;
import io.orderhub.domain.payment.model.PaymentCallback;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Puts authenticated payment callbacks on {@code payments.callbacks} (key = payment id, so one
 * payment's answers stay in order), in the webhook's own JSON shape. The webhook answers 202 once
 * the broker acknowledged; {@link CallbackConsumer} applies them.
 *
 * <p>Thread-safe.
 */
public class KafkaCallbackQueue implements CallbackQueue {

  private final Producer<String, String> producer;
  private final String topic;
  private final Duration sendTimeout;
  private final JsonMapper json;

  public KafkaCallbackQueue(
      Producer<String, String> producer, IntakeProperties properties, JsonMapper json) {
    this.producer = producer;
    this.topic = properties.callbacksTopic();
    this.sendTimeout = properties.sendTimeout();
    this.json = json;
  }

  @Override
  public void enqueue(PaymentCallback callback) {
    String key = callback.paymentId().asString();
    String value =
        json.writeValueAsString(
            new CallbackRequest(key, callback.status().name(), callback.providerReference()));
    try {
      producer
          .send(new ProducerRecord<>(topic, key, value))
          .get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IntakeUnavailable("Interrupted while waiting for " + topic, e);
    } catch (ExecutionException | TimeoutException | KafkaException e) {
      Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
      throw new IntakeUnavailable(
          "The topic " + topic + " did not acknowledge the callback of payment " + key, cause);
    }
  }
}
