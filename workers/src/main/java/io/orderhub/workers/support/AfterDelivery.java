package io.orderhub.workers.support;

import io.orderhub.domain.order.model.OrderStatus;
import java.util.EnumSet;
import java.util.Set;

/**
 * The states a delivered order reaches through a return. The fulfilment process's last steps
 * (confirm delivery, complete) find the order there when the customer asked for a return the moment
 * it showed DELIVERED: the return process owns it then, and those steps have nothing left to do.
 */
public final class AfterDelivery {

  private static final Set<OrderStatus> RETURN_UNDER_WAY =
      EnumSet.of(
          OrderStatus.RETURN_REQUESTED,
          OrderStatus.RETURN_APPROVED,
          OrderStatus.RETURN_REJECTED,
          OrderStatus.RETURN_PICKED_UP,
          OrderStatus.RETURN_RECEIVED,
          OrderStatus.RETURN_INSPECTED,
          OrderStatus.REFUNDED,
          OrderStatus.RETURNED);

  private AfterDelivery() {}

  public static boolean isReturnUnderWay(OrderStatus status) {
    return RETURN_UNDER_WAY.contains(status);
  }
}
