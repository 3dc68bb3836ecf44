package io.orderhub.domain.order.infrastructure;

import io.orderhub.domain.order.model.Order;
import io.orderhub.domain.shared.model.OrderId;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/**
 * All orders. Saving a stale copy fails with an optimistic locking exception (see
 * {@code @Version}).
 */
public interface Orders extends JpaRepository<Order, UUID> {

  default Optional<Order> find(OrderId id) {
    return findById(id.value());
  }

  @Query("select o from Order o where o.customerId = :customerId and o.idempotencyKey = :key")
  Optional<Order> findByIdempotencyKey(String customerId, String key);
}
