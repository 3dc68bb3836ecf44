package io.orderhub.app.security;

import java.util.Locale;
import java.util.Optional;

/**
 * The roles a token carries (claim {@code orderhub.security.roles-claim}, default {@code roles}),
 * by their names in the token. Each is a Spring Security authority {@code ROLE_<NAME>}.
 */
public enum Role {
  /** Places and follows their own orders ({@code customer_id} claim, else {@code sub}). */
  CUSTOMER("customer"),
  /** Everything, for every customer: support, operations, monitoring. */
  OPERATOR("operator"),
  /** Reports deliveries, nothing else. */
  CARRIER("carrier"),
  /**
   * Nothing on the order API: providers call the payment callback, which is authenticated by its
   * HMAC signature, not by a token. The role exists so that such a token is refused (403).
   */
  PAYMENT_PROVIDER("payment-provider");

  private final String claimValue;

  Role(String claimValue) {
    this.claimValue = claimValue;
  }

  /** The role's name in a token's roles claim. */
  public String claimValue() {
    return claimValue;
  }

  /** The role's name for {@code hasRole} and {@code isUserInRole}. */
  public String roleName() {
    return name();
  }

  public String authority() {
    return "ROLE_" + name();
  }

  /** The role a claim value names (case-insensitive); empty for names this API does not know. */
  public static Optional<Role> ofClaim(String value) {
    String wanted = value.trim().toLowerCase(Locale.ROOT);
    for (Role role : values()) {
      if (role.claimValue.equals(wanted)) {
        return Optional.of(role);
      }
    }
    return Optional.empty();
  }
}
