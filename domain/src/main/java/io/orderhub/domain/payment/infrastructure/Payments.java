package io.orderhub.domain.payment.infrastructure;

import io.orderhub.domain.payment.model.Payment;
import jakarta.persistence.LockModeType;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

/** All payments; at most one per order. */
public interface Payments extends JpaRepository<Payment, UUID> {

  @Query("select p from Payment p where p.orderId = :orderId")
  Optional<Payment> findByOrder(UUID orderId);

  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select p from Payment p where p.orderId = :orderId")
  Optional<Payment> lockByOrder(UUID orderId);

  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select p from Payment p where p.id = :id")
  Optional<Payment> lockById(UUID id);
}
