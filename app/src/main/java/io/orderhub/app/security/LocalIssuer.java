package io.orderhub.app.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * The local profile's token issuer, so {@code ./orderhub run} needs no identity provider: an RSA
 * key kept in the data directory (created on first start), tokens signed with it for the roles one
 * asks for ({@link LocalTokenController}, loopback only), and the decoder that trusts exactly this
 * key, issuer and audience — validated as strictly as a real issuer's tokens (signature, {@code
 * iss}, {@code aud}, {@code exp}/{@code nbf}). Never exists outside the local profile.
 */
public final class LocalIssuer {

  /** Its routes: public, and present only in the local profile. */
  public static final String[] PATHS = {"/local/token", "/local/jwks.json"};

  private final RSAKey key;
  private final JwtEncoder encoder;
  private final String issuer;
  private final List<String> audiences;
  private final Duration ttl;

  LocalIssuer(RSAKey key, String issuer, List<String> audiences, Duration ttl) {
    this.key = key;
    this.encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key)));
    this.issuer = issuer;
    this.audiences = List.copyOf(audiences);
    this.ttl = ttl;
  }

  /** The issuer with the key of {@code keyFile}, which it creates when missing. */
  static LocalIssuer load(Path keyFile, String issuer, List<String> audiences, Duration ttl) {
    if (issuer == null || issuer.isBlank() || audiences.isEmpty()) {
      throw new IllegalStateException(
          "Expected the local issuer's name and audience"
              + " (spring.security.oauth2.resourceserver.jwt.issuer-uri, .audiences), but one is"
              + " missing");
    }
    return new LocalIssuer(rsaKey(keyFile), issuer, audiences, ttl);
  }

  public String issuer() {
    return issuer;
  }

  public Duration ttl() {
    return ttl;
  }

  /** A token for {@code roles}, valid from now for {@link #ttl()}. */
  public String issue(String subject, Collection<Role> roles, String customerId) {
    Instant now = Instant.now();
    JwtClaimsSet.Builder claims =
        JwtClaimsSet.builder()
            .issuer(issuer)
            .audience(audiences)
            .subject(subject)
            .issuedAt(now)
            .notBefore(now)
            .expiresAt(now.plus(ttl))
            .id(UUID.randomUUID().toString())
            .claim("roles", roles.stream().map(Role::claimValue).toList());
    if (customerId != null) {
      claims.claim("customer_id", customerId);
    }
    return sign(claims.build());
  }

  /** Signs any claims with the trusted key: tests build expired or misaddressed tokens with it. */
  public String sign(JwtClaimsSet claims) {
    JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).keyId(key.getKeyID()).build();
    return encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
  }

  /** The public key as a JWK Set, for other services that want to trust these tokens. */
  public Map<String, Object> jwks() {
    return new JWKSet(key.toPublicJWK()).toJSONObject();
  }

  JwtDecoder decoder() {
    try {
      NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(key.toRSAPublicKey()).build();
      List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
      validators.add(new JwtIssuerValidator(issuer));
      validators.add(
          new JwtClaimValidator<List<String>>(
              JwtClaimNames.AUD, aud -> aud != null && aud.stream().anyMatch(audiences::contains)));
      decoder.setJwtValidator(
          new DelegatingOAuth2TokenValidator<>(
              JwtValidators.createDefaultWithValidators(validators)));
      return decoder;
    } catch (JOSEException e) {
      throw new IllegalStateException("Expected the local issuer's key to be an RSA key", e);
    }
  }

  // ---- the key --------------------------------------------------------------------------------

  private static RSAKey rsaKey(Path keyFile) {
    try {
      RSAPrivateCrtKey privateKey = Files.exists(keyFile) ? readKey(keyFile) : createKey(keyFile);
      RSAPublicKey publicKey =
          (RSAPublicKey)
              KeyFactory.getInstance("RSA")
                  .generatePublic(
                      new RSAPublicKeySpec(
                          privateKey.getModulus(), privateKey.getPublicExponent()));
      RSAKey key = new RSAKey.Builder(publicKey).privateKey(privateKey).build();
      return new RSAKey.Builder(key).keyID(key.computeThumbprint().toString()).build();
    } catch (GeneralSecurityException | JOSEException e) {
      throw new IllegalStateException(
          "Expected "
              + keyFile
              + " to hold the local issuer's RSA key (PKCS#8 PEM), but it does not",
          e);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Expected to read or create the local issuer's key " + keyFile + ", but could not", e);
    }
  }

  private static RSAPrivateCrtKey readKey(Path keyFile)
      throws IOException, GeneralSecurityException {
    String pem = Files.readString(keyFile, StandardCharsets.US_ASCII);
    String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    return (RSAPrivateCrtKey)
        KeyFactory.getInstance("RSA")
            .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
  }

  // two applications starting on the same data directory must end up with the same key
  private static RSAPrivateCrtKey createKey(Path keyFile)
      throws IOException, GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    RSAPrivateCrtKey key = (RSAPrivateCrtKey) generator.generateKeyPair().getPrivate();
    String pem =
        "-----BEGIN PRIVATE KEY-----\n"
            + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(key.getEncoded())
            + "\n-----END PRIVATE KEY-----\n";
    Path dir = keyFile.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path temporary = Files.createTempFile(dir, "signing-key", ".tmp");
    Files.writeString(temporary, pem, StandardCharsets.US_ASCII);
    try {
      // a hard link is created atomically and never replaces: the first key written wins
      Files.createLink(keyFile, temporary);
    } catch (java.nio.file.FileAlreadyExistsException lost) {
      // another start created it meanwhile; use that one
    } finally {
      Files.deleteIfExists(temporary);
    }
    return readKey(keyFile);
  }
}
