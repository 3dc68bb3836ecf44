package io.orderhub.domain.shipment.model;

import io.orderhub.domain.shared.model.AggregateRoot;
import io.orderhub.domain.shared.model.OrderId;
import io.orderhub.domain.shipment.model.ShipmentEvent.ParcelDispatched;
import io.orderhub.domain.shipment.model.ShipmentEvent.ShipmentDelivered;
import io.orderhub.domain.shipment.model.ShipmentEvent.ShipmentDispatched;
import io.orderhub.domain.shipment.model.ShipmentEvent.ShipmentRecalled;
import io.orderhub.domain.shipment.model.ShipmentEvent.ShipmentRouted;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The shipment of one order (a unique constraint on the order id) and its parcels. See the {@code
 * shipment} package documentation for the states.
 */
@Entity
@Table(name = "shipment", schema = "shipment")
public class Shipment extends AggregateRoot {

  public static final String AGGREGATE_TYPE = "Shipment";

  /** What a recall achieved. */
  public enum RecallEffect {
    RECALLED,
    ALREADY_RECALLED,
    /** Delivered already: goods come back only through a return. */
    TOO_LATE
  }

  @Id private UUID id;

  @Version private Long version;

  @Column(nullable = false)
  private UUID orderId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private ShipmentStatus status;

  @Column(nullable = false)
  private Instant routedAt;

  // a Set, not a List: an eager List (a "bag") next to the parcels' eager items would multiply rows
  @OneToMany(
      mappedBy = "shipment",
      cascade = CascadeType.ALL,
      orphanRemoval = true,
      fetch = FetchType.EAGER)
  @OrderBy("packageNo")
  private Set<Parcel> parcels = new LinkedHashSet<>();

  protected Shipment() {}

  /** A shipment of the planned parcels, all pending; records {@code ShipmentRouted}. */
  public static Shipment route(OrderId orderId, List<ParcelPlan> plans, Instant routedAt) {
    if (plans.isEmpty()) {
      throw new IllegalArgumentException(
          "Expected at least one parcel to ship order " + orderId + ", but got none");
    }
    long distinctNumbers = plans.stream().map(ParcelPlan::packageNo).distinct().count();
    if (distinctNumbers != plans.size()) {
      throw new IllegalArgumentException(
          "Expected distinct package numbers for order " + orderId + ", but got " + plans);
    }
    Shipment shipment = new Shipment();
    shipment.id = UUID.randomUUID();
    shipment.orderId = orderId.value();
    shipment.status = ShipmentStatus.ROUTED;
    shipment.routedAt = routedAt;
    plans.stream()
        .sorted(Comparator.comparingInt(ParcelPlan::packageNo))
        .forEach(plan -> shipment.parcels.add(new Parcel(shipment, plan)));
    shipment.record(new ShipmentRouted(orderId, List.copyOf(plans)));
    return shipment;
  }

  /**
   * Hands parcel {@code packageNo} to the carrier. Idempotent: a dispatched (or delivered) parcel
   * stays as it is.
   *
   * @throws IllegalArgumentException for a package number the shipment does not have
   * @throws IllegalStateException when the shipment was recalled
   */
  public Parcel dispatch(int packageNo, String trackingNumber) {
    Parcel parcel = parcel(packageNo);
    if (status == ShipmentStatus.RECALLED) {
      throw new IllegalStateException(
          "Expected the shipment of order "
              + orderId
              + " to be dispatchable, but it is RECALLED (package "
              + packageNo
              + " is "
              + parcel.status()
              + ")");
    }
    if (parcel.status() != ParcelStatus.PENDING) {
      return parcel; // dispatched (or delivered) before: a repeated job
    }
    parcel.dispatch(trackingNumber);
    record(new ParcelDispatched(orderId(), packageNo, parcel.warehouse(), trackingNumber));
    boolean allDispatched =
        parcels.stream().allMatch(each -> each.status() == ParcelStatus.DISPATCHED);
    status = allDispatched ? ShipmentStatus.DISPATCHED : ShipmentStatus.DISPATCHING;
    if (allDispatched) {
      record(new ShipmentDispatched(orderId()));
    }
    return parcel;
  }

  /**
   * The customer received the goods. Idempotent.
   *
   * @throws IllegalStateException unless every parcel was dispatched
   */
  public void confirmDelivery() {
    if (status == ShipmentStatus.DELIVERED) {
      return;
    }
    if (status != ShipmentStatus.DISPATCHED) {
      throw new IllegalStateException(
          "Expected every parcel of order "
              + orderId
              + " to be dispatched before delivery, but the shipment is "
              + status);
    }
    parcels.forEach(Parcel::deliver);
    status = ShipmentStatus.DELIVERED;
    record(new ShipmentDelivered(orderId()));
  }

  /**
   * RecallShipment, the compensation of dispatch: pending parcels are cancelled, dispatched ones
   * called back. Idempotent.
   */
  public RecallEffect recall() {
    switch (status) {
      case RECALLED -> {
        return RecallEffect.ALREADY_RECALLED;
      }
      case DELIVERED -> {
        return RecallEffect.TOO_LATE;
      }
      default -> {
        List<Integer> recalled = packageNumbers(ParcelStatus.DISPATCHED);
        List<Integer> cancelled = packageNumbers(ParcelStatus.PENDING);
        parcels.forEach(Parcel::recall);
        status = ShipmentStatus.RECALLED;
        record(new ShipmentRecalled(orderId(), recalled, cancelled));
        return RecallEffect.RECALLED;
      }
    }
  }

  private List<Integer> packageNumbers(ParcelStatus parcelStatus) {
    return parcels().stream()
        .filter(parcel -> parcel.status() == parcelStatus)
        .map(Parcel::packageNo)
        .toList();
  }

  public Parcel parcel(int packageNo) {
    return parcels.stream()
        .filter(parcel -> parcel.packageNo() == packageNo)
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "Expected a package "
                        + packageNo
                        + " in the shipment of order "
                        + orderId
                        + ", but it has "
                        + parcels().stream().map(Parcel::packageNo).toList()));
  }

  @Override
  public String aggregateType() {
    return AGGREGATE_TYPE;
  }

  @Override
  public OrderId orderId() {
    return new OrderId(orderId);
  }

  public ShipmentStatus status() {
    return status;
  }

  /** The parcels, by package number. */
  public List<Parcel> parcels() {
    return parcels.stream().sorted(Comparator.comparingInt(Parcel::packageNo)).toList();
  }

  public List<Integer> packageNumbers() {
    return parcels().stream().map(Parcel::packageNo).toList();
  }

  public Instant routedAt() {
    return routedAt;
  }

  @Override
  public String toString() {
    return "Shipment[order " + orderId + ", " + status + ", parcels " + packageNumbers() + "]";
  }
}
