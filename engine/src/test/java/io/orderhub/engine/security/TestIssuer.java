package io.orderhub.engine.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A real, small OIDC issuer for tests: its own RSA key published as a JWKS, and an OAuth token
 * endpoint granting {@code client_credentials} (what the official client's {@code oidc} method asks
 * for), which signs tokens with that key.
 */
public final class TestIssuer implements AutoCloseable {

  public static final String AUDIENCE = "orderhub-engine";

  private final RSAKey key;
  private final HttpServer server;
  private final Map<String, String> clients;

  /**
   * @param clients client ids and their secrets
   */
  public TestIssuer(Map<String, String> clients) throws IOException, JOSEException {
    this.clients = Map.copyOf(clients);
    this.key = new RSAKeyGenerator(2048).keyID("test-key").generate();
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/jwks.json", this::jwks);
    server.createContext("/token", this::token);
    server.start();
  }

  public String issuer() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  public URI jwksUri() {
    return URI.create(issuer() + "/jwks.json");
  }

  public String tokenUrl() {
    return issuer() + "/token";
  }

  public OidcConfig config(String... adminClients) {
    return OidcConfig.of(issuer(), jwksUri(), AUDIENCE).withAdminClients(List.of(adminClients));
  }

  /** A token for the client, valid for the given time from now (negative: already expired). */
  public String token(String clientId, String audience, Duration validFor) throws JOSEException {
    return sign(key, issuer(), clientId, audience, validFor);
  }

  /** A token as {@link #token} would make it, but signed by a key the JWKS does not hold. */
  public String tokenSignedByAStranger(String clientId) throws JOSEException {
    RSAKey stranger = new RSAKeyGenerator(2048).keyID("test-key").generate();
    return sign(stranger, issuer(), clientId, AUDIENCE, Duration.ofMinutes(5));
  }

  public String tokenFromIssuer(String issuer, String clientId) throws JOSEException {
    return sign(key, issuer, clientId, AUDIENCE, Duration.ofMinutes(5));
  }

  private static String sign(
      RSAKey key, String issuer, String clientId, String audience, Duration validFor)
      throws JOSEException {
    Instant now = Instant.now();
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(issuer)
            .subject(clientId)
            .claim("azp", clientId)
            .audience(audience)
            .issueTime(Date.from(now.minusSeconds(1)))
            .expirationTime(Date.from(now.plus(validFor)))
            .build();
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
    jwt.sign(new RSASSASigner(key));
    return jwt.serialize();
  }

  private void jwks(HttpExchange exchange) throws IOException {
    send(exchange, 200, new JWKSet(key.toPublicJWK()).toString());
  }

  private void token(HttpExchange exchange) throws IOException {
    Map<String, String> form = new HashMap<>();
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        form.put(
            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    String clientId = form.get("client_id");
    if (!"client_credentials".equals(form.get("grant_type"))
        || clientId == null
        || !form.get("client_secret").equals(clients.get(clientId))) {
      send(exchange, 401, "{\"error\":\"invalid_client\"}");
      return;
    }
    try {
      String audience = form.getOrDefault("audience", AUDIENCE);
      send(
          exchange,
          200,
          "{\"access_token\":\""
              + token(clientId, audience, Duration.ofMinutes(5))
              + "\",\"token_type\":\"Bearer\",\"expires_in\":300}");
    } catch (JOSEException e) {
      send(exchange, 500, "{\"error\":\"server_error\"}");
    }
  }

  private static void send(HttpExchange exchange, int status, String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
