package io.orderhub.engine.security;

/**
 * How callers prove who they are, as Camunda 8.8+'s {@code camunda.security.authentication.method}:
 * user name and password (HTTP Basic, also as gRPC {@code authorization} metadata), or a JWT from
 * an OIDC issuer. {@code NONE} opens every door and is only ever chosen explicitly.
 */
public enum AuthMethod {
  NONE,
  BASIC,
  OIDC
}
