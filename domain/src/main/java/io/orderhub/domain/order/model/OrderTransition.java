package io.orderhub.domain.order.model;

/**
 * The verbs of {@link Order}, one per target state. Whether a transition is legal is decided by
 * {@link OrderStatus#allowedNext()} of the current state alone; this enum only names the attempt so
 * that a refusal can say what was tried.
 */
public enum OrderTransition {
  MARK_VALIDATED("markValidated", OrderStatus.VALIDATED),
  REJECT("reject", OrderStatus.REJECTED),
  MARK_STOCK_RESERVED("markStockReserved", OrderStatus.STOCK_RESERVED),
  MARK_OUT_OF_STOCK("markOutOfStock", OrderStatus.OUT_OF_STOCK),
  MARK_PAYMENT_REQUESTED("markPaymentRequested", OrderStatus.PAYMENT_PENDING),
  MARK_PAID("markPaid", OrderStatus.PAID),
  MARK_PAYMENT_FAILED("markPaymentFailed", OrderStatus.PAYMENT_FAILED),
  MARK_PAYMENT_TIMED_OUT("markPaymentTimedOut", OrderStatus.PAYMENT_TIMED_OUT),
  MARK_ROUTED("markRouted", OrderStatus.ROUTED),
  MARK_DISPATCHING("markDispatching", OrderStatus.DISPATCHING),
  MARK_DISPATCHED("markDispatched", OrderStatus.DISPATCHED),
  MARK_DELIVERY_FAILED("markDeliveryFailed", OrderStatus.DELIVERY_FAILED),
  MARK_DELIVERED("markDelivered", OrderStatus.DELIVERED),
  COMPLETE("complete", OrderStatus.COMPLETED),
  REQUEST_CANCELLATION("requestCancellation", OrderStatus.CANCELLATION_REQUESTED),
  MARK_CANCELLED("markCancelled", OrderStatus.CANCELLED),
  REQUEST_RETURN("requestReturn", OrderStatus.RETURN_REQUESTED),
  APPROVE_RETURN("approveReturn", OrderStatus.RETURN_APPROVED),
  REJECT_RETURN("rejectReturn", OrderStatus.RETURN_REJECTED),
  MARK_RETURN_PICKED_UP("markReturnPickedUp", OrderStatus.RETURN_PICKED_UP),
  MARK_RETURN_RECEIVED("markReturnReceived", OrderStatus.RETURN_RECEIVED),
  MARK_RETURN_INSPECTED("markReturnInspected", OrderStatus.RETURN_INSPECTED),
  MARK_REFUNDED("markRefunded", OrderStatus.REFUNDED),
  MARK_RETURNED("markReturned", OrderStatus.RETURNED);

  private final String verb;
  private final OrderStatus target;

  OrderTransition(String verb, OrderStatus target) {
    this.verb = verb;
    this.target = target;
  }

  /** The name of the {@link Order} method that attempts this transition. */
  public String verb() {
    return verb;
  }

  public OrderStatus target() {
    return target;
  }

  public boolean isAllowedFrom(OrderStatus current) {
    return current.canMoveTo(target);
  }

  @Override
  public String toString() {
    return verb + " (-> " + target + ")";
  }
}
