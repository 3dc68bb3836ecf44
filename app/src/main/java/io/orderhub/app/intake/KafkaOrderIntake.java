package io.orderhub.app.intake;

import io.orderhub.app.order.CreateOrderRequest;
import io.orderhub.app.order.DeferredPlacement;
import io.orderhub.app.order.IdempotencyKeyReused;
import io.orderhub.app.order.KnownSkus;
import io.orderhub.app.order.OrderRequests;
import io.orderhub.app.order.OrderView;
import io.orderhub.domain.order.application.OrderService;
import io.orderhub.domain.order.application.PlaceOrder;
import io.orderhub.domain.order.model.IdempotencyKey;
import io.orderhub.domain.order.model.Order;
import io.orderhub.domain.shared.model.OrderId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /api/orders} in kafka mode: validates as the synchronous path does, assigns the order
 * id, and acknowledges once the broker has the order on {@code orders.intake} (idempotent producer,
 * {@code acks=all}, key = order id). The consumer ({@link IntakeConsumer}) persists it later.
 *
 * <p>The Idempotency-Key keeps its meaning: the id is a function of customer and key, so a retry
 * lands on the same id — answered from this node's memory of accepted orders, from the database
 * once persisted, or, when neither knows it yet, sent again and deduplicated by the consumer.
 *
 * <p>Thread-safe.
 */
public class KafkaOrderIntake implements DeferredPlacement {

  private final Producer<String, String> producer;
  private final String topic;
  private final Duration sendTimeout;
  private final JsonMapper json;
  private final KnownSkus knownSkus;
  private final OrderService orders;
  private final AcceptedIntakes accepted;
  private final Clock clock;

  public KafkaOrderIntake(
      Producer<String, String> producer,
      IntakeProperties properties,
      JsonMapper json,
      KnownSkus knownSkus,
      OrderService orders,
      AcceptedIntakes accepted,
      Clock clock) {
    this.producer = producer;
    this.topic = properties.topic();
    this.sendTimeout = properties.sendTimeout();
    this.json = json;
    this.knownSkus = knownSkus;
    this.orders = orders;
    this.accepted = accepted;
    this.clock = clock;
  }

  @Override
  public Outcome place(CreateOrderRequest request, IdempotencyKey key) {
    PlaceOrder command = OrderRequests.toCommand(request, key);
    knownSkus.requireKnown(command.lines());
    Optional<Order> persisted = orders.find(command.orderId());
    if (persisted.isPresent()) {
      Order order = persisted.get();
      requireSameContent(
          command,
          order.lines().equals(command.lines())
              && order.shippingAddress().equals(command.shippingAddress()));
      return new Outcome.AlreadyPlaced(order);
    }
    Instant now = clock.instant();
    Optional<AcceptedIntakes.Entry> earlier = accepted.remember(command, now);
    if (earlier.isPresent()) {
      requireSameContent(command, earlier.get().command().equals(command));
      return new Outcome.Accepted(earlier.get().view(), true);
    }
    try {
      send(
          command.orderId(),
          new IntakeRecord(command.orderId().asString(), key.value(), now, request));
    } catch (IntakeUnavailable e) {
      accepted.forget(command.orderId());
      throw e;
    }
    return new Outcome.Accepted(OrderView.accepted(command, now), false);
  }

  @Override
  public Optional<OrderView> accepted(OrderId orderId) {
    return accepted.find(orderId).map(AcceptedIntakes.Entry::view);
  }

  private void send(OrderId orderId, IntakeRecord record) {
    String value = json.writeValueAsString(record);
    try {
      producer
          .send(new ProducerRecord<>(topic, orderId.asString(), value))
          .get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IntakeUnavailable("Interrupted while waiting for " + topic, e);
    } catch (ExecutionException | TimeoutException | KafkaException e) {
      Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
      throw new IntakeUnavailable(
          "The intake topic " + topic + " did not acknowledge order " + orderId + ": " + cause,
          cause);
    }
  }

  private static void requireSameContent(PlaceOrder command, boolean same) {
    if (!same) {
      throw new IdempotencyKeyReused(
          command.orderId(),
          "idempotency key "
              + command.idempotencyKey()
              + " was used for order "
              + command.orderId()
              + " with other content");
    }
  }
}
