package io.orderhub.app.security;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How tokens are read ({@code orderhub.security.*}). Which tokens are trusted is Spring Boot's
 * {@code spring.security.oauth2.resourceserver.jwt.*} (jwk-set-uri, issuer-uri, audiences).
 *
 * @param rolesClaim the claim holding the caller's roles, a list of strings (or one string)
 * @param customerIdClaim the claim naming a customer's id; absent, the subject ({@code sub}) is
 * @param localIssuer the local profile's built-in issuer
 */
@ConfigurationProperties("orderhub.security")
public record AccessProperties(
    @DefaultValue("roles") String rolesClaim,
    @DefaultValue("customer_id") String customerIdClaim,
    @DefaultValue LocalIssuerSettings localIssuer) {

  /**
   * The local profile's issuer; never active outside it.
   *
   * @param enabled off to trust a real issuer (set jwk-set-uri) in the local profile too
   * @param keyFile its RSA key (PKCS#8 PEM), created on first start so tokens survive restarts
   * @param tokenTtl how long the tokens it signs are valid
   */
  public record LocalIssuerSettings(
      @DefaultValue("false") boolean enabled,
      @DefaultValue("./data/local-issuer/signing-key.pem") Path keyFile,
      @DefaultValue("PT8H") Duration tokenTtl) {}
}
