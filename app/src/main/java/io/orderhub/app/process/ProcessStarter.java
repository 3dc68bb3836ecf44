package io.orderhub.app.process;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.orderhub.domain.order.model.Order;
import io.orderhub.domain.shared.model.OrderId;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts an order's {@code order-fulfillment} instance, at most once per order.
 *
 * <p>Two guards keep a saga from running twice: {@code app.process_start} remembers every started
 * order (so a retried create, the retry sweep or another node skip it), and the instance carries
 * the order id as its business id, so the engine itself refuses a second active instance — that
 * refusal (ALREADY_EXISTS) counts as started. A failed start is never an error for the caller: the
 * order stays persisted and {@link ProcessStartRetry} tries again.
 *
 * <p>Thread-safe.
 */
public class ProcessStarter {

  private static final Logger LOG = LoggerFactory.getLogger(ProcessStarter.class);

  private final CamundaClient client;
  private final ProcessStarts starts;
  private final ProcessProperties properties;
  private final Clock clock;

  public ProcessStarter(
      CamundaClient client, ProcessStarts starts, ProcessProperties properties, Clock clock) {
    this.client = client;
    this.starts = starts;
    this.properties = properties;
    this.clock = clock;
  }

  /** What became of one attempt. */
  public sealed interface Outcome {

    /** This call created the instance. */
    record Started(long processInstanceKey) implements Outcome {}

    /** It was started before (recorded here, or the engine knew it by the business id). */
    record AlreadyStarted() implements Outcome {}

    /**
     * Not started now; the retry sweep will try again.
     *
     * @param retryable false when the engine refused the command itself (bad variables): repeating
     *     it unchanged fails the same way
     */
    record Deferred(String reason, boolean retryable) implements Outcome {}
  }

  /** Whether the order's process was started (by anyone, as far as this application knows). */
  public boolean isStarted(OrderId orderId) {
    return starts.isStarted(orderId);
  }

  public Outcome ensureStarted(Order order) {
    if (starts.isStarted(order.orderId())) {
      return new Outcome.AlreadyStarted();
    }
    try {
      ProcessInstanceEvent instance =
          client
              .newCreateInstanceCommand()
              .bpmnProcessId(properties.fulfillmentProcessId())
              .latestVersion()
              .variables(FulfillmentVariables.of(order, properties))
              .businessId(order.orderId().asString())
              .send()
              .join();
      starts.recordStarted(order.orderId(), instance.getProcessInstanceKey(), clock.instant());
      LOG.debug(
          "Started {} instance {} for order {}",
          properties.fulfillmentProcessId(),
          instance.getProcessInstanceKey(),
          order.orderId());
      return new Outcome.Started(instance.getProcessInstanceKey());
    } catch (RuntimeException e) {
      if (EngineErrors.isAlreadyExists(e)) {
        starts.recordStarted(order.orderId(), null, clock.instant());
        return new Outcome.AlreadyStarted();
      }
      return new Outcome.Deferred(EngineErrors.describe(e), !EngineErrors.isInvalidArgument(e));
    }
  }
}
