package io.orderhub.workers.support;

import io.orderhub.domain.order.model.OrderStatus;
import io.orderhub.domain.shared.model.OrderId;

/**
 * A step finished its work while the order was being cancelled, and undid it. Not a failure: the
 * ordinary race between a worker and a customer's cancellation. The job's element is (about to be)
 * interrupted by the cancellation, so nothing waits for the job; {@link QuietOvertakenSteps} keeps
 * it out of the warnings.
 */
public class StepOvertaken extends RuntimeException {

  public StepOvertaken(OrderId orderId, OrderStatus status, Throwable refusal) {
    super(
        "Expected order " + orderId + " to go on, but it is " + status + ": step undone",
        refusal,
        false,
        false); // no stack trace: there is nothing to debug
  }
}
