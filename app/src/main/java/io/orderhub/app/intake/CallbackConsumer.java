package io.orderhub.app.intake;

import io.orderhub.app.payment.ContradictoryCallback;
import io.orderhub.app.payment.PaymentCallbackController.CallbackRequest;
import io.orderhub.app.payment.PaymentCallbacks;
import io.orderhub.app.payment.PaymentNotFound;
import io.orderhub.domain.payment.model.PaymentCallback;
import io.orderhub.domain.payment.model.PaymentId;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.MessageListener;
import tools.jackson.databind.json.JsonMapper;

/**
 * Applies the callbacks on {@code payments.callbacks} through {@link PaymentCallbacks}, which
 * publishes them to the order's process as {@code PaymentConfirmed}/{@code PaymentFailed} with the
 * message id payment id + status — so a redelivered record correlates once. A record that can never
 * apply (malformed, unknown payment, contradicting an earlier answer) is logged and skipped; any
 * other failure (database, engine) is retried by the container until it passes.
 */
public class CallbackConsumer implements MessageListener<String, String> {

  private static final Logger LOG = LoggerFactory.getLogger(CallbackConsumer.class);

  private final JsonMapper json;
  private final PaymentCallbacks callbacks;

  public CallbackConsumer(JsonMapper json, PaymentCallbacks callbacks) {
    this.json = json;
    this.callbacks = callbacks;
  }

  @Override
  public void onMessage(ConsumerRecord<String, String> record) {
    PaymentCallback callback;
    try {
      CallbackRequest request = json.readValue(record.value(), CallbackRequest.class);
      callback =
          new PaymentCallback(
              PaymentId.of(request.paymentId()),
              PaymentCallback.Status.valueOf(request.status()),
              request.providerReference());
    } catch (RuntimeException e) { // JSON (JacksonException), or a rule the content breaks
      LOG.error(
          "Skipped {}-{}@{}: not a payment callback: {}",
          record.topic(),
          record.partition(),
          record.offset(),
          e.toString());
      return;
    }
    try {
      callbacks.handle(callback);
    } catch (PaymentNotFound | ContradictoryCallback e) {
      LOG.warn("Skipped the callback of payment {}: {}", callback.paymentId(), e.getMessage());
    }
  }
}
