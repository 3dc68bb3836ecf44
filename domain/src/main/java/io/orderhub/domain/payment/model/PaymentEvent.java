package io.orderhub.domain.payment.model;

import io.orderhub.domain.shared.model.DomainEvent;
import io.orderhub.domain.shared.model.Money;
import io.orderhub.domain.shared.model.OrderId;

/** Facts about payments. */
public sealed interface PaymentEvent extends DomainEvent {

  OrderId orderId();

  PaymentId paymentId();

  record PaymentRequested(OrderId orderId, PaymentId paymentId, Money amount)
      implements PaymentEvent {}

  record PaymentCaptured(
      OrderId orderId, PaymentId paymentId, Money amount, String providerReference)
      implements PaymentEvent {}

  record PaymentDeclined(OrderId orderId, PaymentId paymentId, String providerReference)
      implements PaymentEvent {}

  record PaymentVoided(OrderId orderId, PaymentId paymentId) implements PaymentEvent {}

  record PaymentRefunded(OrderId orderId, PaymentId paymentId, Money amount, String refundReference)
      implements PaymentEvent {}
}
