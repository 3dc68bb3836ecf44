package io.orderhub.engine.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.net.MalformedURLException;
import java.text.ParseException;
import java.util.Set;

/**
 * Validates bearer tokens as Camunda's OIDC mode does: signed by a key of the issuer's JWKS (an
 * asymmetric algorithm only, so a token cannot pick "none" or an HMAC keyed with a public key),
 * from the configured issuer, for the configured audience, and not expired.
 */
final class OidcTokens {

  private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();

  OidcTokens(OidcConfig config) {
    JWKSource<SecurityContext> keys;
    try {
      // nimbus's default 500 ms would fail the first token on a busy machine
      keys =
          JWKSourceBuilder.create(
                  config.jwksUri().toURL(), new DefaultResourceRetriever(5_000, 5_000, 512 * 1024))
              .retrying(true)
              .build();
    } catch (MalformedURLException e) {
      throw new IllegalArgumentException("Not a URL: JWKS " + config.jwksUri(), e);
    }
    processor.setJWSKeySelector(
        new JWSVerificationKeySelector<>(
            Set.of(
                JWSAlgorithm.RS256,
                JWSAlgorithm.RS384,
                JWSAlgorithm.RS512,
                JWSAlgorithm.PS256,
                JWSAlgorithm.ES256,
                JWSAlgorithm.ES384),
            keys));
    processor.setJWTClaimsSetVerifier(
        new DefaultJWTClaimsVerifier<>(
            config.audience(),
            new JWTClaimsSet.Builder().issuer(config.issuer()).build(),
            Set.of("exp", "iss", "aud")));
  }

  JWTClaimsSet validate(String token) throws AuthenticationException {
    try {
      return processor.process(token, null);
    } catch (ParseException e) {
      throw new AuthenticationException("The bearer token is not a JWT");
    } catch (BadJOSEException e) {
      throw new AuthenticationException("The bearer token was rejected: " + e.getMessage());
    } catch (JOSEException e) {
      throw new AuthenticationException(
          "The bearer token could not be verified: " + e.getMessage());
    }
  }
}
