package io.orderhub.engine.security;

import java.util.Objects;

/**
 * Who may reach the engine's gateways and how they authenticate.
 *
 * <p>The defaults are the safe ones: the gateways listen on loopback only, and callers authenticate
 * with user name and password. The first admin ({@code admin}) gets the given password, or, when
 * none is given, one generated at first start, logged once and stored only as a hash.
 *
 * @param method how callers authenticate; {@link AuthMethod#NONE} only by explicit choice
 * @param host the address the gRPC and REST gateways bind ({@code 0.0.0.0} for all interfaces)
 * @param adminUsername the first admin's user name
 * @param adminPassword the first admin's password, or null to generate one at first start
 * @param oidc the token issuer, for {@link AuthMethod#OIDC}
 */
public record SecurityConfig(
    AuthMethod method, String host, String adminUsername, String adminPassword, OidcConfig oidc) {

  public static final String LOOPBACK = "127.0.0.1";
  public static final String DEFAULT_ADMIN = "admin";

  /** The environment variable the standalone engine and the app read the admin password from. */
  public static final String ADMIN_PASSWORD_ENV = "ORDERHUB_ENGINE_ADMIN_PASSWORD";

  public SecurityConfig {
    Objects.requireNonNull(method, "method");
    host = host == null || host.isBlank() ? LOOPBACK : host;
    adminUsername =
        adminUsername == null || adminUsername.isBlank() ? DEFAULT_ADMIN : adminUsername;
    if (method == AuthMethod.OIDC && oidc == null) {
      throw new IllegalArgumentException("OIDC authentication needs an issuer (OidcConfig)");
    }
  }

  /** Loopback, basic authentication, a generated admin password. */
  public static SecurityConfig defaults() {
    return new SecurityConfig(AuthMethod.BASIC, LOOPBACK, DEFAULT_ADMIN, null, null);
  }

  /** Basic authentication with a known admin (tests, the all-in-one app). */
  public static SecurityConfig basic(String adminUsername, String adminPassword) {
    return new SecurityConfig(
        AuthMethod.BASIC, LOOPBACK, adminUsername, Objects.requireNonNull(adminPassword), null);
  }

  public static SecurityConfig oidc(OidcConfig oidc) {
    return new SecurityConfig(AuthMethod.OIDC, LOOPBACK, DEFAULT_ADMIN, null, oidc);
  }

  /** Every door open: anyone who reaches a port may do anything. Logged as a warning at start. */
  public static SecurityConfig none() {
    return new SecurityConfig(AuthMethod.NONE, LOOPBACK, DEFAULT_ADMIN, null, null);
  }

  public SecurityConfig withHost(String newHost) {
    return new SecurityConfig(method, newHost, adminUsername, adminPassword, oidc);
  }

  public SecurityConfig withAdminPassword(String password) {
    return new SecurityConfig(method, host, adminUsername, password, oidc);
  }

  public boolean enabled() {
    return method != AuthMethod.NONE;
  }
}
