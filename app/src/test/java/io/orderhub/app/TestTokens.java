package io.orderhub.app;

import io.grpc.CallCredentials;
import io.grpc.Metadata;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * Tokens for the tests: from the application's own local issuer ({@code POST /local/token}, as the
 * README tells a user), and as gRPC call credentials. Tokens last hours: one per (port, role,
 * customer) is fetched once.
 */
public final class TestTokens {

  private static final HttpClient CLIENT = HttpClient.newHttpClient();
  private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

  private TestTokens() {}

  /** A local-issuer token of the application on {@code port} ({@code customerId} for customers). */
  public static String local(int port, String role, String customerId) {
    return CACHE.computeIfAbsent(
        port + "/" + role + "/" + customerId, k -> fetch(port, role, customerId));
  }

  /** An operator's token for the application on {@code port}. */
  public static String operator(int port) {
    return local(port, "operator", null);
  }

  /** {@code authorization: Bearer <token>} on every call of a stub. */
  public static CallCredentials bearer(String token) {
    return new CallCredentials() {
      @Override
      public void applyRequestMetadata(
          RequestInfo requestInfo, Executor appExecutor, MetadataApplier applier) {
        Metadata headers = new Metadata();
        headers.put(
            Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + token);
        applier.apply(headers);
      }
    };
  }

  private static String fetch(int port, String role, String customerId) {
    String query = "role=" + role;
    if (customerId != null) {
      query += "&customerId=" + URLEncoder.encode(customerId, StandardCharsets.UTF_8);
    }
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/local/token?" + query))
            .header("Accept", "text/plain")
            .POST(HttpRequest.BodyPublishers.noBody())
            .build();
    try {
      HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException(
            "Expected a token from /local/token, but got "
                + response.statusCode()
                + " "
                + response.body());
      }
      return response.body();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
