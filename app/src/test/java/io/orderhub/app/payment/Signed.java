package io.orderhub.app.payment;

import io.orderhub.app.Http;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs callbacks as the README tells a provider to — computed here from the documented recipe, not
 * with the application's own code, so a drift between the two fails the tests.
 */
final class Signed {

  /** The local profile's secret (application-local.properties). */
  static final String SECRET = "local-only-webhook-secret";

  private Signed() {}

  static String signature(String secret, long timestamp, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] digest = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
      return "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(digest);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static Http.Response post(Http http, String body) {
    return post(http, body, signature(SECRET, Instant.now().getEpochSecond(), body));
  }

  static Http.Response post(Http http, String body, String signature) {
    return http.post("/api/payments/callbacks", body, Map.of("Payment-Signature", signature));
  }
}
