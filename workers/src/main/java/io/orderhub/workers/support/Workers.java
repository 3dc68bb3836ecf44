package io.orderhub.workers.support;

import io.orderhub.domain.shared.model.OrderId;

/** What all workers share: the technical retry policy and reading the order id of a job. */
public final class Workers {

  /**
   * Back-off before a failed job is retried (engine time). A technical failure (database or
   * provider unreachable, a lost optimistic-locking race) usually heals within seconds; the job's
   * retries (3, from the model) bound how often.
   */
  public static final long RETRY_BACKOFF_MILLIS = 5_000;

  private Workers() {}

  /**
   * @throws IllegalArgumentException when the job carries no order id, or one that is not a UUID: a
   *     broken process instance, which ends as an incident after the retries
   */
  public static OrderId orderId(String orderId) {
    if (orderId == null || orderId.isBlank()) {
      throw new IllegalArgumentException("Expected the job to carry the variable orderId, but not");
    }
    return OrderId.of(orderId);
  }
}
