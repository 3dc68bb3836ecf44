package io.orderhub.app.payment;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of a payment callback, header {@value #HEADER}: {@code t=<unix seconds>,v1=<hex>}
 * where the hex is HMAC-SHA256, keyed with the shared secret, over {@code <t>.<raw body>}. The
 * timestamp is signed with the body, so a captured callback cannot be replayed later than {@code
 * tolerance} after it was signed, nor with another timestamp.
 *
 * <p>Thread-safe.
 */
public class WebhookSignature {

  public static final String HEADER = "Payment-Signature";

  private static final String ALGORITHM = "HmacSHA256";

  private final byte[] secret;
  private final Duration tolerance;
  private final Clock clock;

  public WebhookSignature(WebhookProperties properties, Clock clock) {
    this.secret =
        properties.secret() == null || properties.secret().isBlank()
            ? null
            : properties.secret().getBytes(StandardCharsets.UTF_8);
    this.tolerance = properties.tolerance();
    this.clock = clock;
  }

  public boolean hasSecret() {
    return secret != null;
  }

  /** The header value signing {@code body} now. */
  public String sign(byte[] body) {
    return sign(clock.instant().getEpochSecond(), body);
  }

  /** The header value signing {@code body} at {@code timestamp} (unix seconds). */
  public String sign(long timestamp, byte[] body) {
    requireSecret();
    return "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(mac(timestamp, body));
  }

  /**
   * @throws UnauthenticatedCallback when the header is missing or malformed, the signature does not
   *     match, or the timestamp is outside the tolerance
   */
  public void verify(String header, byte[] body) {
    requireSecret();
    if (header == null || header.isBlank()) {
      throw new UnauthenticatedCallback("the " + HEADER + " header is missing");
    }
    Long timestamp = null;
    byte[] given = null;
    for (String part : header.split(",")) {
      String[] pair = part.strip().split("=", 2);
      if (pair.length != 2) {
        continue;
      }
      try {
        switch (pair[0]) {
          case "t" -> timestamp = Long.parseLong(pair[1]);
          case "v1" -> given = HexFormat.of().parseHex(pair[1]);
          default -> {}
        }
      } catch (IllegalArgumentException e) {
        throw new UnauthenticatedCallback("the " + HEADER + " header is malformed: " + part);
      }
    }
    if (timestamp == null || given == null) {
      throw new UnauthenticatedCallback(
          "the " + HEADER + " header must be t=<unix seconds>,v1=<hex HMAC-SHA256>");
    }
    Instant signedAt = Instant.ofEpochSecond(timestamp);
    Duration age = Duration.between(signedAt, clock.instant()).abs();
    if (age.compareTo(tolerance) > 0) {
      throw new UnauthenticatedCallback(
          "the signature's timestamp "
              + signedAt
              + " is more than "
              + tolerance
              + " from now: a replay or a wrong clock");
    }
    // constant time: the comparison must not tell an attacker how many bytes were right
    if (!MessageDigest.isEqual(mac(timestamp, body), given)) {
      throw new UnauthenticatedCallback("the signature does not match the body and timestamp");
    }
  }

  private void requireSecret() {
    if (secret == null) {
      throw new UnauthenticatedCallback(
          "no webhook secret is configured (orderhub.payment.webhook.secret): every callback is"
              + " refused");
    }
  }

  private byte[] mac(long timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(new SecretKeySpec(secret, ALGORITHM));
      mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
      return mac.doFinal(body);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("Expected " + ALGORITHM + " to be available, but", e);
    }
  }
}
