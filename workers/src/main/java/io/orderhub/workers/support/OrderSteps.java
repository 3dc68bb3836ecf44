package io.orderhub.workers.support;

import io.orderhub.domain.order.application.OrderService;
import io.orderhub.domain.order.model.IllegalOrderTransition;
import io.orderhub.domain.order.model.Order;
import io.orderhub.domain.order.model.OrderStatus;
import io.orderhub.domain.shared.model.OrderId;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;

/**
 * Moves the order aggregate on behalf of the workers.
 *
 * <p>Two concerns live here so that each worker stays a few lines: a lost optimistic-locking race
 * (e.g. two parcels of one order dispatched at once) is retried at once, on a fresh read; and a
 * step whose effect in another context (stock, payment, shipment) happened while the order was
 * being cancelled undoes that effect itself — the cancellation's compensation only knows about
 * steps that completed, so the effect of a step in flight would otherwise leak.
 */
@Component
public class OrderSteps {

  private static final int ATTEMPTS = 5;

  private final OrderService orders;

  public OrderSteps(OrderService orders) {
    this.orders = orders;
  }

  /** Applies one or more verbs of the order in one transaction, retrying lost version races. */
  public Order change(OrderId orderId, Consumer<Order> verb) {
    return retrying(() -> orders.change(orderId, verb));
  }

  /** {@link OrderService#validate}, retrying lost version races. */
  public Order validate(OrderId orderId) {
    return retrying(() -> orders.validate(orderId));
  }

  public Order get(OrderId orderId) {
    return orders.get(orderId);
  }

  /**
   * Records on the order that a step's effect happened. When the order is being (or was) cancelled
   * meanwhile, runs {@code undo} — the step's compensation, idempotent — and throws {@link
   * StepOvertaken}: the job's element has been interrupted, nothing waits for its completion.
   */
  public Order record(OrderId orderId, Consumer<Order> verb, Runnable undo) {
    try {
      return change(orderId, verb);
    } catch (IllegalOrderTransition refused) {
      OrderStatus status = orders.get(orderId).status();
      if (status == OrderStatus.CANCELLATION_REQUESTED || status == OrderStatus.CANCELLED) {
        undo.run();
        throw new StepOvertaken(orderId, status, refused);
      }
      throw refused;
    }
  }

  private static <T> T retrying(Supplier<T> change) {
    for (int attempt = 1; ; attempt++) {
      try {
        return change.get();
      } catch (OptimisticLockingFailureException raced) {
        if (attempt == ATTEMPTS) {
          throw raced;
        }
      }
    }
  }
}
