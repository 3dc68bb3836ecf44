package io.orderhub.app.order;

import io.orderhub.domain.order.model.IdempotencyKey;
import io.orderhub.domain.order.model.Order;
import io.orderhub.domain.shared.model.OrderId;
import java.util.Optional;

/**
 * Placement that acknowledges an order once it is durable somewhere other than the order table (the
 * Kafka intake, {@code orderhub.intake.mode=kafka}) and persists it later. When such a bean exists,
 * {@code POST /api/orders} answers 202 through it; without one, orders are placed synchronously.
 *
 * <p>Implementations validate synchronously (the same rules as the synchronous path) before
 * acknowledging, and keep the Idempotency-Key's meaning: the same key and body is the same order.
 */
public interface DeferredPlacement {

  /** What became of a submission. */
  sealed interface Outcome {

    /** Durable in the intake; persisted later. {@code replayed}: it was accepted before. */
    record Accepted(OrderView view, boolean replayed) implements Outcome {}

    /** The order was persisted before: answer as the synchronous path does for a retry. */
    record AlreadyPlaced(Order order) implements Outcome {}
  }

  /**
   * @throws io.orderhub.app.web.InvalidRequest when the request breaks a rule
   * @throws IdempotencyKeyReused when the key was used for an order with other content
   * @throws RuntimeException of the implementation's kind when the intake cannot take the order
   *     durably now (REST 503 with Retry-After); nothing was acknowledged
   */
  Outcome place(CreateOrderRequest request, IdempotencyKey key);

  /** The order as accepted, while it is acknowledged but not yet persisted. */
  Optional<OrderView> accepted(OrderId orderId);
}
