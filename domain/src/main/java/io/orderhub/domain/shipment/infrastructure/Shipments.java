package io.orderhub.domain.shipment.infrastructure;

import io.orderhub.domain.shipment.model.Shipment;
import jakarta.persistence.LockModeType;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

/** All shipments; at most one per order. */
public interface Shipments extends JpaRepository<Shipment, UUID> {

  @Query("select s from Shipment s where s.orderId = :orderId")
  Optional<Shipment> findByOrder(UUID orderId);

  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select s from Shipment s where s.orderId = :orderId")
  Optional<Shipment> lockByOrder(UUID orderId);
}
