package io.orderhub.domain.payment.application;

import io.orderhub.domain.payment.model.PaymentCallback;

/**
 * Where a provider's callbacks go: straight to {@link PaymentService#handleCallback}, or through a
 * webhook or the {@code payments.callbacks} topic so the application can also correlate the BPMN
 * message.
 */
@FunctionalInterface
public interface PaymentCallbackSink {

  void accept(PaymentCallback callback);
}
