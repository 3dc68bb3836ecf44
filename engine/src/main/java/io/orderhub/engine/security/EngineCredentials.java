package io.orderhub.engine.security;

import io.camunda.client.CredentialsProvider;
import java.util.Objects;

/**
 * A user name and password for the engine, on both sides: the engine's first admin ({@link
 * #asAdmin()}) and the official client's standard {@code basic} credentials ({@link #provider()}),
 * which it sends as the {@code Authorization} header over REST and metadata over gRPC. Tests and
 * benchmarks use {@link #TEST_ADMIN} to get an authenticated client in one line.
 */
public record EngineCredentials(String username, String password) {

  /** Known credentials for tests and benchmarks on throwaway data directories only. */
  public static final EngineCredentials TEST_ADMIN = new EngineCredentials("demo", "demo-secret");

  public EngineCredentials {
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(password, "password");
  }

  /** Basic authentication on loopback with these credentials as the first admin. */
  public SecurityConfig asAdmin() {
    return SecurityConfig.basic(username, password);
  }

  public CredentialsProvider provider() {
    return CredentialsProvider.newBasicAuthCredentialsProviderBuilder()
        .applyEnvironmentOverrides(false)
        .username(username)
        .password(password)
        .build();
  }

  @Override
  public String toString() {
    return "EngineCredentials[" + username + ", password hidden]";
  }
}
