package io.orderhub.compensation;

import io.orderhub.domain.shared.model.OrderId;

/** What the compensation workers share. */
final class Compensations {

  /** Back-off before a failed compensation is retried (engine time). */
  static final long RETRY_BACKOFF_MILLIS = 5_000;

  private Compensations() {}

  static OrderId orderId(String orderId) {
    if (orderId == null || orderId.isBlank()) {
      throw new IllegalArgumentException("Expected the job to carry the variable orderId, but not");
    }
    return OrderId.of(orderId);
  }
}
