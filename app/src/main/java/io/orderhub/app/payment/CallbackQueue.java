package io.orderhub.app.payment;

import io.orderhub.domain.payment.model.PaymentCallback;

/**
 * Takes authenticated payment callbacks for later application (the {@code payments.callbacks} topic
 * in {@code orderhub.intake.mode=kafka}). When such a bean exists the webhook answers 202 once the
 * callback is queued durably; without one it applies callbacks within the request.
 */
public interface CallbackQueue {

  /**
   * @throws RuntimeException of the implementation's kind when the callback could not be queued
   *     durably (REST 503 with Retry-After); the provider's retry is safe
   */
  void enqueue(PaymentCallback callback);
}
