package io.orderhub.app.process;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.CamundaFuture;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.orderhub.domain.order.model.Order;
import io.orderhub.domain.shared.model.OrderId;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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
  private final Executor recorder;

  public ProcessStarter(
      CamundaClient client, ProcessStarts starts, ProcessProperties properties, Clock clock) {
    this(client, starts, properties, clock, Executors.newVirtualThreadPerTaskExecutor());
  }

  /**
   * @param recorder runs the recording of asynchronous starts ({@link #startPlaced}); JDBC, so not
   *     the client's I/O threads
   */
  public ProcessStarter(
      CamundaClient client,
      ProcessStarts starts,
      ProcessProperties properties,
      Clock clock,
      Executor recorder) {
    this.client = client;
    this.starts = starts;
    this.properties = properties;
    this.clock = clock;
    this.recorder = recorder;
  }

  /** What became of one attempt. */
  public sealed interface Outcome {

    /** This call created the instance. */
    record Started(long processInstanceKey) implements Outcome {}

    /** It was started before (recorded here, or the engine knew it by the business id). */
    record AlreadyStarted() implements Outcome {}

    /** Sent to the engine, not answered within the wait; it goes on without the caller. */
    record Starting() implements Outcome {}

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
    return start(order);
  }

  /**
   * Starts the process of an order this request has just placed, waiting for the engine's answer at
   * most {@link ProcessProperties#startWait()}: the order is durable, so past that the start goes
   * on without the caller ({@link Outcome.Starting}) and an engine busy with other commands does
   * not hold the 201 back. Nobody can have started the process yet (the retry sweep waits a grace
   * period; another node would need the same order), so the lookup in {@code app.process_start} — a
   * database round trip on every create — is skipped; the business id still makes the engine refuse
   * a second instance should it happen after all. Should a start that went on without the caller be
   * lost (the application stops), the retry sweep makes it.
   */
  public Outcome startPlaced(Order order) {
    CompletableFuture<Outcome> start = startPlacedAsync(order);
    try {
      return start.get(properties.startWait().toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException stillStarting) {
      return new Outcome.Starting();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Outcome.Starting();
    } catch (ExecutionException e) {
      throw new IllegalStateException(
          "Expected the start's outcome to be a value, but it failed", e.getCause());
    }
  }

  private CompletableFuture<Outcome> startPlacedAsync(Order order) {
    CompletableFuture<ProcessInstanceEvent> sent;
    try {
      sent = createInstance(order).toCompletableFuture();
    } catch (RuntimeException e) {
      sent = CompletableFuture.failedFuture(e);
    }
    // recording is JDBC: off the client's I/O threads, which complete the future
    return sent.handleAsync(
        (instance, failure) ->
            failure == null ? started(order, instance) : failed(order, unwrap(failure)),
        recorder);
  }

  private Outcome start(Order order) {
    try {
      return started(order, createInstance(order).join());
    } catch (RuntimeException e) {
      return failed(order, e);
    }
  }

  private CamundaFuture<ProcessInstanceEvent> createInstance(Order order) {
    return client
        .newCreateInstanceCommand()
        .bpmnProcessId(properties.fulfillmentProcessId())
        .latestVersion()
        .variables(FulfillmentVariables.of(order, properties))
        .businessId(order.orderId().asString())
        .send();
  }

  private Outcome started(Order order, ProcessInstanceEvent instance) {
    try {
      starts.recordStarted(order.orderId(), instance.getProcessInstanceKey(), clock.instant());
    } catch (RuntimeException e) {
      // the instance runs; only the record is missing, and the business id covers a second start
      LOG.warn("Order {}: process started, but not recorded: {}", order.orderId(), e.toString());
    }
    LOG.debug(
        "Started {} instance {} for order {}",
        properties.fulfillmentProcessId(),
        instance.getProcessInstanceKey(),
        order.orderId());
    return new Outcome.Started(instance.getProcessInstanceKey());
  }

  private Outcome failed(Order order, Throwable e) {
    if (EngineErrors.isAlreadyExists(e)) {
      try {
        starts.recordStarted(order.orderId(), null, clock.instant());
      } catch (RuntimeException notRecorded) {
        LOG.warn("Order {}: start not recorded: {}", order.orderId(), notRecorded.toString());
      }
      return new Outcome.AlreadyStarted();
    }
    return new Outcome.Deferred(EngineErrors.describe(e), !EngineErrors.isInvalidArgument(e));
  }

  private static Throwable unwrap(Throwable failure) {
    return failure instanceof CompletionException && failure.getCause() != null
        ? failure.getCause()
        : failure;
  }
}
