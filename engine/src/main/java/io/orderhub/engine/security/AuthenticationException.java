package io.orderhub.engine.security;

/**
 * A request without credentials, or with ones the engine does not accept (401 / UNAUTHENTICATED).
 */
public final class AuthenticationException extends Exception {

  public AuthenticationException(String message) {
    super(message, null, false, false);
  }
}
