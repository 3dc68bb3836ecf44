package io.orderhub.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * Any real issuer by configuration alone: with the properties the README names (jwk-set-uri,
 * issuer-uri, audiences), the decoder fetches the issuer's keys over HTTP and accepts its tokens
 * for this API only — not another issuer's, another audience's or an expired one.
 */
class ExternalIssuerTest {

  private static final String ISSUER = "https://idp.example/realms/shop";

  private RSAKey key;
  private HttpServer jwks;

  @BeforeEach
  void serveKeys() throws Exception {
    key = new RSAKeyGenerator(2048).keyID("idp-key").generate();
    byte[] body = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
    jwks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    jwks.createContext(
        "/certs",
        exchange -> {
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    jwks.start();
  }

  @AfterEach
  void stop() {
    jwks.stop(0);
  }

  @Test
  void shouldTrustTheConfiguredIssuerForThisAudienceOnly() {
    new WebApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(OAuth2ResourceServerAutoConfiguration.class))
        // the application brings its own filter chain; Boot's default one (needing the whole web
        // security set-up) steps aside for it
        .withBean(
            org.springframework.security.web.SecurityFilterChain.class,
            () ->
                new org.springframework.security.web.DefaultSecurityFilterChain(
                    org.springframework.security.web.util.matcher.AnyRequestMatcher.INSTANCE))
        .withPropertyValues(
            "spring.security.oauth2.resourceserver.jwt.jwk-set-uri=http://127.0.0.1:"
                + jwks.getAddress().getPort()
                + "/certs",
            "spring.security.oauth2.resourceserver.jwt.issuer-uri=" + ISSUER,
            "spring.security.oauth2.resourceserver.jwt.audiences=orderhub-api")
        .run(
            context -> {
              JwtDecoder decoder = context.getBean(JwtDecoder.class);
              var jwt = decoder.decode(token(c -> c));
              var caller =
                  new CallerAuthentication(
                          new AccessProperties(
                              "roles",
                              "customer_id",
                              new AccessProperties.LocalIssuerSettings(
                                  false, java.nio.file.Path.of("unused"), Duration.ofHours(1))))
                      .convert(jwt);
              assertThat(caller.getAuthorities())
                  .extracting(Object::toString)
                  .containsExactly("ROLE_CARRIER");

              assertThatThrownBy(
                      () -> decoder.decode(token(c -> c.issuer("https://other.example"))))
                  .isInstanceOf(JwtException.class);
              assertThatThrownBy(() -> decoder.decode(token(c -> c.audience(List.of("other-api")))))
                  .isInstanceOf(JwtException.class);
              assertThatThrownBy(
                      () ->
                          decoder.decode(
                              token(
                                  c ->
                                      c.issuedAt(Instant.now().minus(Duration.ofHours(2)))
                                          .expiresAt(Instant.now().minus(Duration.ofMinutes(5))))))
                  .isInstanceOf(JwtException.class);
            });
  }

  private String token(UnaryOperator<JwtClaimsSet.Builder> change) {
    Instant now = Instant.now();
    JwtClaimsSet.Builder claims =
        JwtClaimsSet.builder()
            .issuer(ISSUER)
            .audience(List.of("orderhub-api"))
            .subject("carrier-7")
            .issuedAt(now)
            .expiresAt(now.plus(Duration.ofMinutes(10)))
            .claim("roles", List.of("carrier"));
    return new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key)))
        .encode(
            JwtEncoderParameters.from(
                JwsHeader.with(SignatureAlgorithm.RS256).keyId("idp-key").build(),
                change.apply(claims).build()))
        .getTokenValue();
  }
}
