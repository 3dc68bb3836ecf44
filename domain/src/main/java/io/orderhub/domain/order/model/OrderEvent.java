package io.orderhub.domain.order.model;

import io.orderhub.domain.shared.model.DomainEvent;
import io.orderhub.domain.shared.model.Money;
import io.orderhub.domain.shared.model.OrderId;
import io.orderhub.domain.shared.model.Sku;
import io.orderhub.domain.shared.model.WarehouseId;
import java.util.List;

/**
 * The facts an {@link Order} records, one per transition (plus creation). Sealed so that
 * projections can switch over them exhaustively.
 */
public sealed interface OrderEvent extends DomainEvent {

  OrderId orderId();

  record OrderCreated(
      OrderId orderId,
      CustomerId customerId,
      IdempotencyKey idempotencyKey,
      List<OrderLine> lines,
      ShippingAddress shippingAddress,
      Money total)
      implements OrderEvent {}

  record OrderValidated(OrderId orderId) implements OrderEvent {}

  record OrderRejected(OrderId orderId, String reason) implements OrderEvent {}

  record OrderStockReserved(OrderId orderId) implements OrderEvent {}

  record OrderOutOfStock(OrderId orderId, List<Sku> missing) implements OrderEvent {}

  record OrderPaymentRequested(OrderId orderId, PaymentReference payment) implements OrderEvent {}

  record OrderPaid(OrderId orderId, PaymentReference payment) implements OrderEvent {}

  record OrderPaymentFailed(OrderId orderId, String reason) implements OrderEvent {}

  record OrderPaymentTimedOut(OrderId orderId) implements OrderEvent {}

  record OrderRouted(OrderId orderId, List<WarehouseId> warehouses) implements OrderEvent {}

  record OrderDispatchStarted(OrderId orderId) implements OrderEvent {}

  record OrderDispatched(OrderId orderId) implements OrderEvent {}

  record OrderDeliveryFailed(OrderId orderId, String reason) implements OrderEvent {}

  record OrderDelivered(OrderId orderId) implements OrderEvent {}

  record OrderCompleted(OrderId orderId) implements OrderEvent {}

  /** {@code requestedIn} tells compensation how far the order had got. */
  record OrderCancellationRequested(OrderId orderId, String reason, OrderStatus requestedIn)
      implements OrderEvent {}

  record OrderCancelled(OrderId orderId) implements OrderEvent {}

  record OrderReturnRequested(OrderId orderId, String reason) implements OrderEvent {}

  record OrderReturnApproved(OrderId orderId) implements OrderEvent {}

  record OrderReturnRejected(OrderId orderId, String reason) implements OrderEvent {}

  record OrderReturnPickedUp(OrderId orderId) implements OrderEvent {}

  record OrderReturnReceived(OrderId orderId) implements OrderEvent {}

  record OrderReturnInspected(OrderId orderId) implements OrderEvent {}

  record OrderRefunded(OrderId orderId, PaymentReference refund) implements OrderEvent {}

  record OrderReturned(OrderId orderId) implements OrderEvent {}
}
