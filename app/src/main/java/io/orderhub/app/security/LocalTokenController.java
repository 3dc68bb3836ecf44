package io.orderhub.app.security;

import io.orderhub.app.web.InvalidRequest;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code POST /local/token}: a token of the local issuer for the roles asked for, to requests from
 * this machine only; {@code GET /local/jwks.json}: its public key. Local profile only, like {@link
 * LocalIssuer}: a real deployment gets its tokens from a real identity provider.
 */
@RestController
@Hidden
@Profile("local")
@ConditionalOnBooleanProperty("orderhub.security.local-issuer.enabled")
public class LocalTokenController {

  private final LocalIssuer issuer;

  public LocalTokenController(LocalIssuer issuer) {
    this.issuer = issuer;
  }

  /** The OAuth2 token response (RFC 6749, 5.1). */
  public record TokenResponse(String access_token, String token_type, long expires_in) {}

  @PostMapping(path = "/local/token", produces = MediaType.APPLICATION_JSON_VALUE)
  public TokenResponse token(
      @RequestParam(name = "role", required = false) List<String> role,
      @RequestParam(required = false) String customerId,
      @RequestParam(required = false) String subject,
      HttpServletRequest request) {
    return new TokenResponse(
        rawToken(role, customerId, subject, request), "Bearer", issuer.ttl().toSeconds());
  }

  /** The bare token, for {@code TOKEN=$(curl -H 'Accept: text/plain' ...)}. */
  @PostMapping(path = "/local/token", produces = MediaType.TEXT_PLAIN_VALUE)
  public String rawToken(
      @RequestParam(name = "role", required = false) List<String> role,
      @RequestParam(required = false) String customerId,
      @RequestParam(required = false) String subject,
      HttpServletRequest request) {
    requireLoopback(request);
    if (role == null || role.isEmpty()) {
      throw InvalidRequest.of(
          "role", "is required: customer, operator, carrier or payment-provider");
    }
    Set<Role> roles = EnumSet.noneOf(Role.class);
    for (String name : role) {
      roles.add(
          Role.ofClaim(name)
              .orElseThrow(
                  () ->
                      InvalidRequest.of(
                          "role", "must be customer, operator, carrier or payment-provider")));
    }
    boolean customer = roles.contains(Role.CUSTOMER);
    if (customer && (customerId == null || customerId.isBlank())) {
      throw InvalidRequest.of("customerId", "is required for the customer role");
    }
    String sub =
        subject != null && !subject.isBlank()
            ? subject
            : customer ? customerId : "local-" + roles.iterator().next().claimValue();
    return issuer.issue(sub, roles, customer ? customerId : null);
  }

  @GetMapping(path = "/local/jwks.json", produces = MediaType.APPLICATION_JSON_VALUE)
  public Map<String, Object> jwks() {
    return issuer.jwks();
  }

  private static void requireLoopback(HttpServletRequest request) {
    try {
      if (InetAddress.getByName(request.getRemoteAddr()).isLoopbackAddress()) {
        return;
      }
    } catch (UnknownHostException e) {
      // not an address: refused below
    }
    throw new ResponseStatusException(
        HttpStatus.FORBIDDEN, "Local tokens are handed out to this machine only");
  }
}
