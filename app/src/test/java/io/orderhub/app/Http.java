package io.orderhub.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP client for the application under test: real requests on its real port. */
public final class Http {

  private static final JsonMapper JSON = JsonMapper.shared();

  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;
  private final int port;
  private final java.util.function.Supplier<String> token;

  /** Calls as an operator (a token of the local issuer), who may do everything. */
  public Http(int port) {
    this(port, () -> TestTokens.local(port, "operator", null));
  }

  private Http(int port, java.util.function.Supplier<String> token) {
    this.port = port;
    this.base = "http://localhost:" + port;
    this.token = token;
  }

  /** The same application, called with {@code bearerToken} ({@code null}: with none). */
  public Http as(String bearerToken) {
    return new Http(port, () -> bearerToken);
  }

  /** The same application, called with no credentials at all. */
  public Http anonymous() {
    return as(null);
  }

  /** The same application, called as the customer {@code customerId}. */
  public Http asCustomer(String customerId) {
    return as(TestTokens.local(port, "customer", customerId));
  }

  /** Any method, any body ({@code null}: none), as this client's caller. */
  public Response send(String method, String path, String json) {
    return send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/json")
            .method(
                method,
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json)));
  }

  /** A response; {@code json} is the parsed body (a missing node when there is none). */
  public record Response(int status, HttpResponse<String> raw, JsonNode json) {

    public String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }

    public String contentType() {
      return header("Content-Type");
    }

    @Override
    public String toString() {
      return status + " " + raw.body();
    }
  }

  public Response get(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
  }

  public Response get(String path, Map<String, String> headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
    headers.forEach(request::header);
    return send(request);
  }

  public Response post(String path, String json) {
    return post(path, json, Map.of());
  }

  public Response post(String path, String json, Map<String, String> headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/json")
            .POST(
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json));
    headers.forEach(request::header);
    return send(request);
  }

  public Response put(String path, String json) {
    return send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(json)));
  }

  /** One answer the API gave a test: what {@code OpenApiTruthTest} holds the document to. */
  public record Observed(String method, String path, int status) {}

  private static final Set<Observed> OBSERVED = ConcurrentHashMap.newKeySet();

  /** Every (method, path, status) any test of this JVM saw so far. */
  public static Set<Observed> observed() {
    return Set.copyOf(OBSERVED);
  }

  private Response send(HttpRequest.Builder request) {
    String bearer = token.get();
    if (bearer != null) {
      request.header("Authorization", "Bearer " + bearer);
    }
    try {
      HttpRequest built = request.timeout(Duration.ofSeconds(30)).build();
      HttpResponse<String> response = client.send(built, HttpResponse.BodyHandlers.ofString());
      OBSERVED.add(new Observed(built.method(), built.uri().getPath(), response.statusCode()));
      String body = response.body();
      JsonNode json =
          body == null || body.isBlank()
              ? JSON.missingNode()
              : body.startsWith("{") || body.startsWith("[")
                  ? JSON.readTree(body)
                  : JSON.missingNode();
      return new Response(response.statusCode(), response, json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public static String json(Object value) {
    return JSON.writeValueAsString(value);
  }
}
