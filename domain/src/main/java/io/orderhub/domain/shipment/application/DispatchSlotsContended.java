package io.orderhub.domain.shipment.application;

/**
 * A booking met a change of allocator (Redis went away, or must be rebuilt first): nothing was
 * booked, and the routing transaction is to be rolled back and run again.
 */
public class DispatchSlotsContended extends RuntimeException {

  public DispatchSlotsContended(String message, Throwable cause) {
    super(message, cause);
  }
}
