package io.orderhub.domain.shipment.application;

import io.orderhub.domain.outbox.application.OutboxWriter;
import io.orderhub.domain.shared.model.OrderId;
import io.orderhub.domain.shared.model.WarehouseId;
import io.orderhub.domain.shipment.application.ReservedGoods.ReservedLine;
import io.orderhub.domain.shipment.infrastructure.Shipments;
import io.orderhub.domain.shipment.infrastructure.SimulatedCarrier;
import io.orderhub.domain.shipment.model.Parcel;
import io.orderhub.domain.shipment.model.ParcelItem;
import io.orderhub.domain.shipment.model.ParcelPlan;
import io.orderhub.domain.shipment.model.ParcelStatus;
import io.orderhub.domain.shipment.model.Shipment;
import io.orderhub.domain.shipment.model.ShipmentStatus;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Entry points of the shipment context. Each call locks the order's shipment row, so parallel
 * dispatches of an order's parcels (a multi-instance step) run one after the other instead of
 * failing on the version.
 */
public class ShipmentService {

  private final Shipments shipments;
  private final ReservedGoods reservedGoods;
  private final DispatchSlots slots;
  private final OutboxWriter outbox;
  private final Carrier carrier;
  private final TransactionTemplate transactions;
  private final Clock clock;

  public ShipmentService(
      Shipments shipments,
      ReservedGoods reservedGoods,
      DispatchSlots slots,
      OutboxWriter outbox,
      PlatformTransactionManager transactionManager,
      Clock clock) {
    this(
        shipments, reservedGoods, slots, outbox, new SimulatedCarrier(), transactionManager, clock);
  }

  public ShipmentService(
      Shipments shipments,
      ReservedGoods reservedGoods,
      DispatchSlots slots,
      OutboxWriter outbox,
      Carrier carrier,
      PlatformTransactionManager transactionManager,
      Clock clock) {
    this.shipments = shipments;
    this.reservedGoods = reservedGoods;
    this.slots = slots;
    this.outbox = outbox;
    this.carrier = carrier;
    this.transactions = new TransactionTemplate(transactionManager);
    this.clock = clock;
  }

  /**
   * Plans the order's parcels: one per warehouse holding its reserved goods, each with a dispatch
   * slot booked at its warehouse on the first day that has room. Idempotent per order (a repeat,
   * also a concurrent one, returns the existing shipment).
   */
  public RouteResult route(OrderId orderId) {
    for (int attempt = 1; ; attempt++) {
      try {
        return routeInTransaction(orderId);
      } catch (DispatchSlotsContended contended) {
        // the slot allocator switched (Redis lost or rebuilt) under this booking: the next
        // transaction books with the other one
        if (attempt == MAX_ROUTE_ATTEMPTS) {
          throw contended;
        }
      }
    }
  }

  private static final int MAX_ROUTE_ATTEMPTS = 5;

  private RouteResult routeInTransaction(OrderId orderId) {
    try {
      return transactions.execute(status -> routeOnce(orderId, status));
    } catch (DataIntegrityViolationException raced) {
      return transactions.execute(status -> routeOnce(orderId, status));
    }
  }

  private RouteResult routeOnce(OrderId orderId, TransactionStatus status) {
    Optional<Shipment> existing = shipments.findByOrder(orderId.value());
    if (existing.isPresent()) {
      return new RouteResult.Routed(existing.get(), true);
    }
    List<ReservedLine> lines = reservedGoods.reservedFor(orderId);
    if (lines.isEmpty()) {
      return new RouteResult.NothingReserved("no goods are reserved for order " + orderId);
    }
    Map<WarehouseId, List<ParcelItem>> byWarehouse =
        new TreeMap<>(Comparator.comparing(WarehouseId::value));
    for (ReservedLine line : lines) {
      byWarehouse
          .computeIfAbsent(line.warehouse(), warehouse -> new ArrayList<>())
          .add(new ParcelItem(line.sku(), line.quantity()));
    }
    List<ParcelPlan> plans = new ArrayList<>();
    byWarehouse.forEach(
        (warehouse, items) -> plans.add(new ParcelPlan(plans.size() + 1, warehouse, items)));
    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    for (WarehouseId warehouse : byWarehouse.keySet()) {
      if (slots.book(orderId, warehouse, today).isEmpty()) {
        status.setRollbackOnly(); // gives back the slots booked at the other warehouses
        return new RouteResult.NoDispatchSlot(
            warehouse, "every day of the booking horizon is full at " + warehouse);
      }
    }
    Shipment shipment = Shipment.route(orderId, plans, clock.instant());
    save(shipment);
    return new RouteResult.Routed(shipment, false);
  }

  /**
   * Hands parcel {@code packageNo} to the carrier. Idempotent per parcel. The carrier is called
   * outside the transaction — a slow carrier must not hold the shipment's row lock — and before the
   * parcel is marked dispatched; a repeat after a failure books again under the same tracking
   * number, which the carrier deduplicates.
   *
   * @throws ShipmentNotFound when the order was never routed
   * @throws IllegalArgumentException for an unknown package number
   * @throws IllegalStateException when the shipment was recalled
   * @throws io.orderhub.domain.resilience.DependencyUnavailable when the carrier cannot be called
   *     or does not answer in time; the parcel stays pending
   */
  public Shipment dispatch(OrderId orderId, int packageNo) {
    Shipment current = shipmentOf(orderId).orElseThrow(() -> new ShipmentNotFound(orderId));
    Parcel parcel = current.parcel(packageNo);
    if (current.status() != ShipmentStatus.RECALLED && parcel.status() == ParcelStatus.PENDING) {
      carrier.handOver(
          new Carrier.Handover(
              orderId, packageNo, parcel.warehouse(), trackingNumber(orderId, packageNo)));
    }
    return change(
        orderId,
        shipment -> {
          shipment.dispatch(packageNo, trackingNumber(orderId, packageNo));
          return shipment;
        });
  }

  // derived, not random: a repeated dispatch hands the carrier the same number
  private static String trackingNumber(OrderId orderId, int packageNo) {
    return "OH-" + orderId.asString() + "-" + packageNo;
  }

  /**
   * Every parcel arrived. Idempotent.
   *
   * @throws IllegalStateException unless every parcel was dispatched
   */
  public Shipment confirmDelivery(OrderId orderId) {
    return change(
        orderId,
        shipment -> {
          shipment.confirmDelivery();
          return shipment;
        });
  }

  /** RecallShipment, the compensation of dispatch. Idempotent; fine for a never-routed order. */
  public RecallResult recall(OrderId orderId) {
    return transactions.execute(
        status -> {
          Optional<Shipment> found = shipments.lockByOrder(orderId.value());
          if (found.isEmpty()) {
            return new RecallResult.NothingToRecall("order " + orderId + " was never routed");
          }
          Shipment shipment = found.get();
          return switch (shipment.recall()) {
            case RECALLED -> {
              save(shipment);
              slots.release(orderId);
              yield new RecallResult.Recalled(shipment);
            }
            case ALREADY_RECALLED -> new RecallResult.AlreadyRecalled(shipment);
            case TOO_LATE -> new RecallResult.TooLate(shipment);
          };
        });
  }

  public Optional<Shipment> shipmentOf(OrderId orderId) {
    return transactions.execute(status -> shipments.findByOrder(orderId.value()));
  }

  private Shipment change(OrderId orderId, Function<Shipment, Shipment> change) {
    return transactions.execute(
        status -> {
          Shipment shipment =
              shipments
                  .lockByOrder(orderId.value())
                  .orElseThrow(() -> new ShipmentNotFound(orderId));
          return save(change.apply(shipment));
        });
  }

  private Shipment save(Shipment shipment) {
    Shipment saved = shipments.saveAndFlush(shipment);
    outbox.appendRecordedEvents(shipment);
    return saved;
  }
}
