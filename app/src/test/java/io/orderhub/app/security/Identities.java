package io.orderhub.app.security;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import io.orderhub.app.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * The callers the door tests knock with: none, four kinds of refused token (each an operator's, so
 * only the flaw refuses it), and one valid token per role.
 */
final class Identities {

  /** One identity: its name, its bearer token ({@code null}: none), and its role if valid. */
  record Identity(String name, String token, String role) {

    boolean valid() {
      return role != null;
    }

    @Override
    public String toString() {
      return name;
    }
  }

  static final String CUSTOMER_ID = "door-customer-" + UUID.randomUUID();

  private Identities() {}

  static List<Identity> all(int port, LocalIssuer issuer) {
    Instant now = Instant.now();
    return List.of(
        new Identity("no token", null, null),
        new Identity("not a JWT", "not-a-jwt", null),
        new Identity("bad signature", foreignKeySigned(operatorClaims(issuer.issuer(), now)), null),
        new Identity(
            "expired",
            issuer.sign(
                JwtClaimsSet.builder()
                    .claims(c -> c.putAll(operatorClaims(issuer.issuer(), now)))
                    .issuedAt(now.minus(Duration.ofHours(2)))
                    .notBefore(now.minus(Duration.ofHours(2)))
                    .expiresAt(now.minus(Duration.ofMinutes(10)))
                    .build()),
            null),
        new Identity(
            "wrong audience",
            issuer.sign(
                JwtClaimsSet.builder()
                    .claims(c -> c.putAll(operatorClaims(issuer.issuer(), now)))
                    .audience(List.of("another-api"))
                    .build()),
            null),
        new Identity(
            "wrong issuer",
            issuer.sign(
                JwtClaimsSet.builder()
                    .claims(c -> c.putAll(operatorClaims("https://issuer.example", now)))
                    .build()),
            null),
        new Identity("customer", TestTokens.local(port, "customer", CUSTOMER_ID), "customer"),
        new Identity("operator", TestTokens.local(port, "operator", null), "operator"),
        new Identity("carrier", TestTokens.local(port, "carrier", null), "carrier"),
        new Identity(
            "payment-provider",
            TestTokens.local(port, "payment-provider", null),
            "payment-provider"));
  }

  private static Map<String, Object> operatorClaims(String issuer, Instant now) {
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("iss", issuer);
    claims.put("aud", List.of("orderhub-api"));
    claims.put("sub", "door-operator");
    claims.put("iat", now);
    claims.put("nbf", now);
    claims.put("exp", now.plus(Duration.ofHours(1)));
    claims.put("roles", List.of("operator"));
    return claims;
  }

  private static String foreignKeySigned(Map<String, Object> claims) {
    try {
      RSAKey foreign = new RSAKeyGenerator(2048).keyID("foreign").generate();
      NimbusJwtEncoder encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(foreign)));
      return encoder
          .encode(
              JwtEncoderParameters.from(
                  JwsHeader.with(SignatureAlgorithm.RS256).keyId("foreign").build(),
                  JwtClaimsSet.builder().claims(c -> c.putAll(claims)).build()))
          .getTokenValue();
    } catch (com.nimbusds.jose.JOSEException e) {
      throw new IllegalStateException(e);
    }
  }
}
