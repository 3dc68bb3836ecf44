package io.orderhub.app.order;

import io.orderhub.domain.order.model.Order;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.repository.Repository;

/**
 * The reads of the order API that the domain's {@code Orders} does not offer. Read-only: every
 * change goes through {@code OrderService}. The (customer, idempotency key) unique index serves the
 * customer filter; {@link OrderFilter} the operators' lists.
 */
public interface OrderQueries extends Repository<Order, UUID>, JpaSpecificationExecutor<Order> {

  Page<Order> findByCustomerId(String customerId, Pageable pageable);
}
