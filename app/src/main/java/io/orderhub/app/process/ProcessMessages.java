package io.orderhub.app.process;

import io.camunda.client.CamundaClient;
import io.orderhub.domain.shared.model.OrderId;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the messages the API owes the processes, each correlated by order id and buffered for
 * {@code orderhub.process.message-time-to-live}: {@code OrderCancelRequested}, {@code
 * ReturnRequested}, {@code PaymentConfirmed} and {@code PaymentFailed}.
 *
 * <p>Every message carries a message id derived from what it announces, so publishing it again (a
 * retried request, a duplicate webhook) is refused by the engine as ALREADY_EXISTS while the first
 * is buffered — it never correlates twice. That refusal is a success here.
 *
 * <p>Thread-safe.
 */
public class ProcessMessages {

  public static final String ORDER_CANCEL_REQUESTED = "OrderCancelRequested";
  public static final String RETURN_REQUESTED = "ReturnRequested";
  public static final String ORDER_DELIVERED = "OrderDelivered";
  public static final String PAYMENT_CONFIRMED = "PaymentConfirmed";
  public static final String PAYMENT_FAILED = "PaymentFailed";

  private static final Logger LOG = LoggerFactory.getLogger(ProcessMessages.class);

  private final CamundaClient client;
  private final ProcessProperties properties;

  public ProcessMessages(CamundaClient client, ProcessProperties properties) {
    this.client = client;
    this.properties = properties;
  }

  /** What became of a publication. */
  public enum Publication {
    /** The engine took the message now. */
    PUBLISHED,
    /** A message with the same id was published before and is still buffered: nothing new. */
    DUPLICATE
  }

  /**
   * @throws EngineUnavailable when the engine did not take the message; publishing it again later
   *     is safe
   */
  public Publication publish(
      String name, OrderId orderId, String messageId, Map<String, Object> variables) {
    try {
      client
          .newPublishMessageCommand()
          .messageName(name)
          .correlationKey(orderId.asString())
          .messageId(messageId)
          .timeToLive(properties.messageTimeToLive())
          .variables(variables)
          .send()
          .join();
      LOG.debug("Published {} for order {} (id {})", name, orderId, messageId);
      return Publication.PUBLISHED;
    } catch (RuntimeException e) {
      if (EngineErrors.isAlreadyExists(e)) {
        return Publication.DUPLICATE;
      }
      throw new EngineUnavailable(
          "Expected the engine to take message "
              + name
              + " for order "
              + orderId
              + ", but: "
              + EngineErrors.describe(e),
          e);
    }
  }
}
