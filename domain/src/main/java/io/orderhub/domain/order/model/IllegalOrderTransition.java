package io.orderhub.domain.order.model;

import io.orderhub.domain.shared.model.OrderId;

/**
 * An attempt to move an order along a transition its current state does not allow. Names the order,
 * its current state and the attempted transition, e.g. {@code Expected order 7f… to allow markPaid
 * (-> PAID), but it is CANCELLED; allowed next: []}.
 *
 * <p>A worker seeing this has a process/state mismatch, not a transient fault: retrying the same
 * command will fail the same way.
 */
public class IllegalOrderTransition extends RuntimeException {

  private final OrderId orderId;
  private final OrderStatus current;
  private final OrderTransition attempted;

  public IllegalOrderTransition(OrderId orderId, OrderStatus current, OrderTransition attempted) {
    super(
        "Expected order "
            + orderId
            + " to allow "
            + attempted
            + ", but it is "
            + current
            + "; allowed next: "
            + current.allowedNext());
    this.orderId = orderId;
    this.current = current;
    this.attempted = attempted;
  }

  public OrderId orderId() {
    return orderId;
  }

  public OrderStatus current() {
    return current;
  }

  public OrderTransition attempted() {
    return attempted;
  }
}
