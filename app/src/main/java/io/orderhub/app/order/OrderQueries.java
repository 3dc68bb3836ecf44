package io.orderhub.app.order;

import io.orderhub.domain.order.model.Order;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.repository.Repository;

/**
 * The reads of the order API that the domain's {@code Orders} does not offer. Read-only: every
 * change goes through {@code OrderService}. {@link OrderFilter} says what the operators' lists
 * select; the (customer, idempotency key) index and the (status, created) and (created) indexes
 * serve them.
 */
public interface OrderQueries extends Repository<Order, UUID>, JpaSpecificationExecutor<Order> {}
