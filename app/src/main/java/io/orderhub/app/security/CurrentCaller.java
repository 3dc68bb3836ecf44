package io.orderhub.app.security;

import io.orderhub.app.order.OrderAccess;
import io.orderhub.domain.order.model.CustomerId;
import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The ownership rule for the caller of this thread (REST: the filter chain's security context;
 * gRPC: {@link BearerTokenInterceptor} sets it around each call). Operators and carriers are not
 * restricted (their routes are limited by role instead); a customer is restricted to the customer
 * id of their token ({@code customer_id} claim, else {@code sub}).
 *
 * <p>No authentication at all means an in-process caller (a job, a consumer): every entrance
 * authenticates before it reaches the use cases. An anonymous one is refused.
 */
public final class CurrentCaller implements OrderAccess {

  private final String customerIdClaim;

  public CurrentCaller(AccessProperties properties) {
    this.customerIdClaim = properties.customerIdClaim();
  }

  @Override
  public Optional<CustomerId> restrictedTo() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication == null) {
      return Optional.empty();
    }
    if (authentication instanceof AnonymousAuthenticationToken
        || !authentication.isAuthenticated()) {
      throw new AccessDeniedException("an anonymous caller reaches no order");
    }
    if (has(authentication, Role.OPERATOR) || !has(authentication, Role.CUSTOMER)) {
      return Optional.empty();
    }
    return Optional.of(customerId(authentication));
  }

  private CustomerId customerId(Authentication authentication) {
    String id = null;
    if (authentication instanceof JwtAuthenticationToken jwt) {
      id = jwt.getToken().getClaimAsString(customerIdClaim);
      if (id == null || id.isBlank()) {
        id = jwt.getToken().getSubject();
      }
    }
    if (id == null || id.isBlank()) {
      throw new AccessDeniedException(
          "the token names no customer (claim " + customerIdClaim + " or sub)");
    }
    return CustomerId.of(id);
  }

  private static boolean has(Authentication authentication, Role role) {
    return authentication.getAuthorities().stream()
        .anyMatch(granted -> role.authority().equals(granted.getAuthority()));
  }
}
