package io.orderhub.app.order;

import io.orderhub.domain.order.model.CustomerId;
import io.orderhub.domain.order.model.Order;
import io.orderhub.domain.order.model.OrderStatus;
import jakarta.persistence.criteria.Predicate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;

/**
 * Which orders an operator lists: any combination of customer, states and a creation time range
 * ({@code from} inclusive, {@code to} exclusive); an absent criterion does not filter.
 */
public record OrderFilter(
    CustomerId customer, Set<OrderStatus> statuses, Instant createdFrom, Instant createdTo) {

  public static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("createdAt"));

  /** The properties a list may be sorted by: API name -> entity attribute. */
  public static final java.util.Map<String, String> SORTABLE =
      java.util.Map.of(
          "createdAt",
          "createdAt",
          "status",
          "status",
          "total",
          "totalAmount",
          "customerId",
          "customerId");

  public OrderFilter {
    statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
  }

  public static OrderFilter ofCustomer(CustomerId customer) {
    return new OrderFilter(customer, Set.of(), null, null);
  }

  Specification<Order> specification() {
    return (root, query, cb) -> {
      List<Predicate> predicates = new ArrayList<>();
      if (customer != null) {
        predicates.add(cb.equal(root.get("customerId"), customer.value()));
      }
      if (!statuses.isEmpty()) {
        predicates.add(root.get("status").in(statuses));
      }
      if (createdFrom != null) {
        predicates.add(cb.greaterThanOrEqualTo(root.get("createdAt"), createdFrom));
      }
      if (createdTo != null) {
        predicates.add(cb.lessThan(root.get("createdAt"), createdTo));
      }
      return cb.and(predicates.toArray(Predicate[]::new));
    };
  }
}
