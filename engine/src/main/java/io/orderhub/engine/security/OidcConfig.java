package io.orderhub.engine.security;

import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * Where bearer tokens come from and what they must say.
 *
 * @param issuer the token's {@code iss} must equal this
 * @param jwksUri the issuer's signing keys (JWK set); keys are fetched and cached, and refetched
 *     when a token names an unknown key id
 * @param audience the token's {@code aud} must contain this
 * @param usernameClaim the claim that names a user ({@code preferred_username}, or {@code sub})
 * @param clientIdClaim the claim that names a machine client ({@code azp}/{@code client_id})
 * @param groupsClaim the claim that lists the caller's groups (may be absent from tokens)
 * @param adminClients client ids (or user names) given the admin role at first start, as Camunda's
 *     initialization of the admin role with OIDC
 */
public record OidcConfig(
    String issuer,
    URI jwksUri,
    String audience,
    String usernameClaim,
    String clientIdClaim,
    String groupsClaim,
    List<String> adminClients) {

  public OidcConfig {
    Objects.requireNonNull(issuer, "issuer");
    Objects.requireNonNull(jwksUri, "jwksUri");
    Objects.requireNonNull(audience, "audience");
    usernameClaim = usernameClaim == null ? "sub" : usernameClaim;
    clientIdClaim = clientIdClaim == null ? "azp" : clientIdClaim;
    groupsClaim = groupsClaim == null ? "groups" : groupsClaim;
    adminClients = adminClients == null ? List.of() : List.copyOf(adminClients);
  }

  public static OidcConfig of(String issuer, URI jwksUri, String audience) {
    return new OidcConfig(issuer, jwksUri, audience, null, null, null, List.of());
  }

  public OidcConfig withAdminClients(List<String> clients) {
    return new OidcConfig(
        issuer, jwksUri, audience, usernameClaim, clientIdClaim, groupsClaim, clients);
  }
}
