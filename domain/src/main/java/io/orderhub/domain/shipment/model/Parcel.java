package io.orderhub.domain.shipment.model;

import io.orderhub.domain.shared.model.WarehouseId;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** One package of a {@link Shipment}; changed only through its shipment. */
@Entity
@Table(name = "parcel", schema = "shipment")
public class Parcel {

  @Id private UUID id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "shipment_id")
  private Shipment shipment;

  @Column(nullable = false)
  private int packageNo;

  @Column(nullable = false)
  private String warehouseId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private ParcelStatus status;

  private String trackingNumber;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(
      name = "parcel_item",
      schema = "shipment",
      joinColumns = @JoinColumn(name = "parcel_id"))
  private Set<ParcelItemColumns> items = new HashSet<>();

  protected Parcel() {}

  Parcel(Shipment shipment, ParcelPlan plan) {
    this.id = UUID.randomUUID();
    this.shipment = shipment;
    this.packageNo = plan.packageNo();
    this.warehouseId = plan.warehouse().value();
    this.status = ParcelStatus.PENDING;
    plan.items().forEach(item -> items.add(new ParcelItemColumns(item)));
  }

  void dispatch(String trackingNumber) {
    this.status = ParcelStatus.DISPATCHED;
    this.trackingNumber = trackingNumber;
  }

  void deliver() {
    this.status = ParcelStatus.DELIVERED;
  }

  void recall() {
    this.status = status == ParcelStatus.PENDING ? ParcelStatus.CANCELLED : ParcelStatus.RECALLED;
  }

  public int packageNo() {
    return packageNo;
  }

  public WarehouseId warehouse() {
    return WarehouseId.of(warehouseId);
  }

  public ParcelStatus status() {
    return status;
  }

  public Optional<String> trackingNumber() {
    return Optional.ofNullable(trackingNumber);
  }

  public List<ParcelItem> items() {
    return items.stream()
        .map(ParcelItemColumns::toItem)
        .sorted(Comparator.comparing(item -> item.sku().value()))
        .toList();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Parcel other && id != null && id.equals(other.id);
  }

  @Override
  public int hashCode() {
    return Parcel.class.hashCode();
  }
}
