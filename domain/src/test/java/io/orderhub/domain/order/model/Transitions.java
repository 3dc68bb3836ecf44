package io.orderhub.domain.order.model;

import io.orderhub.domain.Fixtures;
import io.orderhub.domain.shared.model.Sku;
import io.orderhub.domain.shared.model.WarehouseId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Drives an {@link Order} through the real verbs, to any state the table can reach. */
final class Transitions {

  private Transitions() {}

  /** Calls the verb of {@code transition} on {@code order} with sample arguments. */
  static void apply(Order order, OrderTransition transition) {
    switch (transition) {
      case MARK_VALIDATED -> order.markValidated();
      case REJECT -> order.reject("address not served");
      case MARK_STOCK_RESERVED -> order.markStockReserved();
      case MARK_OUT_OF_STOCK -> order.markOutOfStock(Set.of(Sku.of("SKU-1")));
      case MARK_PAYMENT_REQUESTED -> order.markPaymentRequested(PaymentReference.of("pay-1"));
      case MARK_PAID -> order.markPaid(PaymentReference.of("pay-1"));
      case MARK_PAYMENT_FAILED -> order.markPaymentFailed("card declined");
      case MARK_PAYMENT_TIMED_OUT -> order.markPaymentTimedOut();
      case MARK_ROUTED -> order.markRouted(List.of(WarehouseId.of("WH-BJ-1")));
      case MARK_DISPATCHING -> order.markDispatching();
      case MARK_DISPATCHED -> order.markDispatched();
      case MARK_DELIVERY_FAILED -> order.markDeliveryFailed("nobody home");
      case MARK_DELIVERED -> order.markDelivered();
      case COMPLETE -> order.complete();
      case REQUEST_CANCELLATION -> order.requestCancellation("customer changed mind");
      case MARK_CANCELLED -> order.markCancelled();
      case REQUEST_RETURN -> order.requestReturn("wrong size");
      case APPROVE_RETURN -> order.approveReturn();
      case REJECT_RETURN -> order.rejectReturn("outside the return window");
      case MARK_RETURN_PICKED_UP -> order.markReturnPickedUp();
      case MARK_RETURN_RECEIVED -> order.markReturnReceived();
      case MARK_RETURN_INSPECTED -> order.markReturnInspected();
      case MARK_REFUNDED -> order.markRefunded(PaymentReference.of("refund-1"));
      case MARK_RETURNED -> order.markReturned();
    }
  }

  /** A new order moved along the shortest legal path to {@code target}; events drained. */
  static Order orderIn(OrderStatus target) {
    Order order = Fixtures.newOrder();
    for (OrderTransition step : shortestPath(target)) {
      apply(order, step);
    }
    order.pullRecordedEvents();
    return order;
  }

  /** Breadth-first over {@link OrderStatus#allowedNext()} from {@code CREATED}. */
  static List<OrderTransition> shortestPath(OrderStatus target) {
    Map<OrderStatus, OrderStatus> cameFrom = new EnumMap<>(OrderStatus.class);
    Deque<OrderStatus> queue = new ArrayDeque<>(List.of(OrderStatus.CREATED));
    cameFrom.put(OrderStatus.CREATED, OrderStatus.CREATED);
    while (!queue.isEmpty()) {
      OrderStatus current = queue.removeFirst();
      for (OrderStatus next : current.allowedNext()) {
        if (cameFrom.putIfAbsent(next, current) == null) {
          queue.addLast(next);
        }
      }
    }
    if (!cameFrom.containsKey(target)) {
      throw new IllegalArgumentException("Expected " + target + " to be reachable, but it is not");
    }
    List<OrderTransition> path = new ArrayList<>();
    for (OrderStatus at = target; at != OrderStatus.CREATED; at = cameFrom.get(at)) {
      path.addFirst(transitionInto(at));
    }
    return path;
  }

  static OrderTransition transitionInto(OrderStatus target) {
    for (OrderTransition transition : OrderTransition.values()) {
      if (transition.target() == target) {
        return transition;
      }
    }
    throw new IllegalArgumentException("Expected a transition into " + target + ", but none");
  }
}
