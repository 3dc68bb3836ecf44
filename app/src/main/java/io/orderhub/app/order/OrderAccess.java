package io.orderhub.app.order;

import io.orderhub.domain.order.model.CustomerId;
import java.util.Optional;

/**
 * Whose orders the current caller may see and change, as the use cases ask it. The entrances (REST
 * filter chain, gRPC interceptor) have checked the caller's role before; this is the ownership rule
 * on top: a customer only reaches their own orders, and another customer's order does not exist for
 * them (404, never 403, so ids do not leak).
 */
public interface OrderAccess {

  /** In-process callers (jobs, tests of the use cases): no restriction. */
  OrderAccess UNRESTRICTED = Optional::empty;

  /** The customer whose orders alone the caller may reach; empty when it may reach every order. */
  Optional<CustomerId> restrictedTo();

  /**
   * Whether an order placed for {@code customerId} may be placed by the caller; when not, the
   * request is refused ({@link org.springframework.security.access.AccessDeniedException}: 403,
   * PERMISSION_DENIED) rather than silently placed for someone else.
   */
  default void requireMayPlaceFor(String customerId) {
    restrictedTo()
        .filter(own -> !own.value().equals(customerId))
        .ifPresent(
            own -> {
              throw new org.springframework.security.access.AccessDeniedException(
                  "customerId must be your own (" + own.value() + ")");
            });
  }
}
