package io.orderhub.compensation.scenarios;

import io.orderhub.compensation.scenarios.StepGate.Step;
import io.orderhub.domain.inventory.application.InventoryService;
import io.orderhub.domain.inventory.application.ReserveResult;
import io.orderhub.domain.inventory.infrastructure.Reservations;
import io.orderhub.domain.inventory.infrastructure.Stocks;
import io.orderhub.domain.inventory.model.StockRequest;
import io.orderhub.domain.outbox.application.OutboxWriter;
import io.orderhub.domain.payment.application.PaymentRouting;
import io.orderhub.domain.payment.application.PaymentService;
import io.orderhub.domain.payment.application.RequestedPayment;
import io.orderhub.domain.payment.infrastructure.Payments;
import io.orderhub.domain.shared.model.Money;
import io.orderhub.domain.shared.model.OrderId;
import io.orderhub.domain.shared.model.WarehouseId;
import io.orderhub.domain.shipment.application.Carrier;
import io.orderhub.domain.shipment.application.ReservedGoods;
import io.orderhub.domain.shipment.application.RouteResult;
import io.orderhub.domain.shipment.application.ShipmentService;
import io.orderhub.domain.shipment.infrastructure.Shipments;
import io.orderhub.domain.shipment.model.Shipment;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The real domain services, with the forward steps the scenarios stop passing a {@link StepGate}.
 */
final class GatedServices {

  private GatedServices() {}

  static final class Inventory extends InventoryService {
    private final StepGate gate;

    Inventory(
        Stocks stocks,
        Reservations reservations,
        OutboxWriter outbox,
        PlatformTransactionManager transactions,
        StepGate gate) {
      super(stocks, reservations, outbox, transactions, Clock.systemUTC());
      this.gate = gate;
    }

    // the routed overload: the worker passes the routing decision's warehouse preference
    @Override
    public ReserveResult reserve(
        OrderId orderId, Collection<StockRequest> requests, List<WarehouseId> preference) {
      gate.before(Step.RESERVE, orderId, null);
      ReserveResult result = super.reserve(orderId, requests, preference);
      gate.after(Step.RESERVE, orderId);
      return result;
    }
  }

  static final class Payment extends PaymentService {
    private final StepGate gate;

    Payment(
        Payments payments,
        OutboxWriter outbox,
        PaymentRouting routing,
        PlatformTransactionManager transactions,
        StepGate gate) {
      super(payments, outbox, routing, transactions, Clock.systemUTC());
      this.gate = gate;
    }

    @Override
    public RequestedPayment requestPayment(OrderId orderId, Money amount) {
      gate.before(Step.REQUEST_PAYMENT, orderId, null);
      RequestedPayment result = super.requestPayment(orderId, amount);
      gate.after(Step.REQUEST_PAYMENT, orderId);
      return result;
    }
  }

  static final class Shipping extends ShipmentService {
    private final StepGate gate;

    Shipping(
        Shipments shipments,
        ReservedGoods goods,
        io.orderhub.domain.shipment.application.DispatchSlots slots,
        OutboxWriter outbox,
        Carrier carrier,
        PlatformTransactionManager transactions,
        StepGate gate) {
      super(shipments, goods, slots, outbox, carrier, transactions, Clock.systemUTC());
      this.gate = gate;
    }

    @Override
    public RouteResult route(OrderId orderId) {
      gate.before(Step.ROUTE, orderId, null);
      RouteResult result = super.route(orderId);
      gate.after(Step.ROUTE, orderId);
      return result;
    }

    @Override
    public Shipment dispatch(OrderId orderId, int packageNo) {
      gate.before(Step.DISPATCH, orderId, packageNo);
      Shipment result = super.dispatch(orderId, packageNo);
      gate.after(Step.DISPATCH, orderId);
      return result;
    }
  }
}
