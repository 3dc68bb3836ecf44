package io.orderhub.domain.inventory.infrastructure;

import io.orderhub.domain.inventory.model.Reservation;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

/** All reservations. */
public interface Reservations extends JpaRepository<Reservation, UUID> {

  @Query("select r from Reservation r where r.orderId = :orderId order by r.sku")
  List<Reservation> findByOrder(UUID orderId);

  /**
   * The order's reservations, row-locked until commit: concurrent release/ship/restock calls for
   * one order run one after the other, so each sees the other's outcome and none applies twice.
   */
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select r from Reservation r where r.orderId = :orderId order by r.sku")
  List<Reservation> lockByOrder(UUID orderId);
}
