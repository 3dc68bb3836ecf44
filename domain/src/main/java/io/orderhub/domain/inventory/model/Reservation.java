package io.orderhub.domain.inventory.model;

import io.orderhub.domain.inventory.model.InventoryEvent.StockReleased;
import io.orderhub.domain.inventory.model.InventoryEvent.StockReserved;
import io.orderhub.domain.inventory.model.InventoryEvent.StockRestocked;
import io.orderhub.domain.inventory.model.InventoryEvent.StockShipped;
import io.orderhub.domain.shared.model.AggregateRoot;
import io.orderhub.domain.shared.model.OrderId;
import io.orderhub.domain.shared.model.Sku;
import io.orderhub.domain.shared.model.WarehouseId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Units of one SKU in one warehouse promised to one order. A line larger than any one warehouse's
 * stock is served in parts, one reservation per warehouse numbered by {@code partNo} from 0; the
 * unique (order, SKU, part) constraint is what makes reserving idempotent per order.
 *
 * <p>The methods decide; they return the {@link StockAdjustment} the caller must apply to the stock
 * counters in the same transaction, or nothing when the call was a repeat.
 */
@Entity
@Table(name = "reservation", schema = "inventory")
public class Reservation extends AggregateRoot {

  public static final String AGGREGATE_TYPE = "Reservation";

  @Id private UUID id;

  @Version private Long version;

  @Column(nullable = false)
  private UUID orderId;

  @Column(nullable = false)
  private String sku;

  @Column(nullable = false)
  private String warehouseId;

  @Column(nullable = false)
  private int quantity;

  @Column(nullable = false)
  private int partNo;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private ReservationStatus status;

  @Column(nullable = false)
  private Instant createdAt;

  protected Reservation() {}

  private Reservation(
      OrderId orderId,
      Sku sku,
      WarehouseId warehouse,
      int quantity,
      int partNo,
      Instant createdAt) {
    this.id = UUID.randomUUID();
    this.partNo = partNo;
    this.orderId = orderId.value();
    this.sku = sku.value();
    this.warehouseId = warehouse.value();
    this.quantity = quantity;
    this.status = ReservationStatus.RESERVED;
    this.createdAt = createdAt;
  }

  /**
   * Records units already taken from {@code warehouse}'s available stock (by the conditional
   * update) as reserved for the order.
   */
  public static Reservation of(
      OrderId orderId, Sku sku, WarehouseId warehouse, int quantity, Instant createdAt) {
    return of(orderId, sku, warehouse, quantity, 0, createdAt);
  }

  /** One part of a line served by several warehouses; {@code partNo} counts from 0. */
  public static Reservation of(
      OrderId orderId,
      Sku sku,
      WarehouseId warehouse,
      int quantity,
      int partNo,
      Instant createdAt) {
    if (quantity <= 0) {
      throw new IllegalArgumentException(
          "Expected a positive quantity to reserve of " + sku + ", but got " + quantity);
    }
    Reservation reservation = new Reservation(orderId, sku, warehouse, quantity, partNo, createdAt);
    reservation.record(new StockReserved(orderId, sku, warehouse, quantity));
    return reservation;
  }

  /** ReleaseStock, the compensation of ReserveStock: the units become available again. */
  public Optional<StockAdjustment> release() {
    return switch (status) {
      case RESERVED -> moveTo(ReservationStatus.RELEASED, quantity, -quantity);
      case SHIPPED -> moveTo(ReservationStatus.RELEASED, quantity, 0);
      case RELEASED, RESTOCKED -> Optional.empty();
    };
  }

  /** The goods left the warehouse with a parcel: no longer held as reserved. */
  public Optional<StockAdjustment> ship() {
    return switch (status) {
      case RESERVED -> moveTo(ReservationStatus.SHIPPED, 0, -quantity);
      case SHIPPED -> Optional.empty();
      case RELEASED, RESTOCKED ->
          throw new IllegalStateException(
              "Expected the reservation of "
                  + sku
                  + " for order "
                  + orderId
                  + " to be RESERVED to ship it, but it is "
                  + status);
    };
  }

  /** Returned goods are back on the shelf and available again. */
  public Optional<StockAdjustment> restock() {
    return switch (status) {
      case SHIPPED -> moveTo(ReservationStatus.RESTOCKED, quantity, 0);
      case RESERVED -> moveTo(ReservationStatus.RESTOCKED, quantity, -quantity);
      case RELEASED, RESTOCKED -> Optional.empty();
    };
  }

  private Optional<StockAdjustment> moveTo(
      ReservationStatus next, int availableDelta, int reservedDelta) {
    status = next;
    var sku = sku();
    var warehouse = warehouse();
    record(
        switch (next) {
          case SHIPPED -> new StockShipped(orderId(), sku, warehouse, quantity);
          case RELEASED -> new StockReleased(orderId(), sku, warehouse, quantity);
          case RESTOCKED -> new StockRestocked(orderId(), sku, warehouse, quantity);
          case RESERVED -> throw new IllegalArgumentException("Expected a move out of RESERVED");
        });
    return Optional.of(new StockAdjustment(sku, warehouse, availableDelta, reservedDelta));
  }

  @Override
  public String aggregateType() {
    return AGGREGATE_TYPE;
  }

  @Override
  public OrderId orderId() {
    return new OrderId(orderId);
  }

  public UUID id() {
    return id;
  }

  public Sku sku() {
    return Sku.of(sku);
  }

  public WarehouseId warehouse() {
    return WarehouseId.of(warehouseId);
  }

  public int quantity() {
    return quantity;
  }

  public ReservationStatus status() {
    return status;
  }

  public boolean isHeld() {
    return status == ReservationStatus.RESERVED || status == ReservationStatus.SHIPPED;
  }

  @Override
  public String toString() {
    return "Reservation["
        + orderId
        + ", "
        + sku
        + "@"
        + warehouseId
        + " x"
        + quantity
        + ", "
        + status
        + "]";
  }
}
