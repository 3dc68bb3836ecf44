package io.orderhub.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** {@code POST /api/orders} with java.net.http, HTTP/1.1 (one connection per request in flight). */
final class RestOrderApi implements OrderApi {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI orders;
  private final String token;
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private final HttpClient http;

  RestOrderApi(int port, String token) {
    this.orders = URI.create("http://localhost:" + port + "/api/orders");
    this.token = token;
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .executor(executor)
            .build();
  }

  @Override
  public String name() {
    return "REST";
  }

  @Override
  public CompletableFuture<String> create(String customerId, String idempotencyKey) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(orders)
            .timeout(Duration.ofSeconds(60))
            .header("Content-Type", "application/json")
            .header("Idempotency-Key", idempotencyKey)
            .POST(HttpRequest.BodyPublishers.ofString(OrderBodies.json(customerId)));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString())
        .thenApply(
            response -> {
              if (response.statusCode() != 201) {
                throw new IllegalStateException(
                    "Expected 201, but got " + response.statusCode() + ": " + response.body());
              }
              try {
                return JSON.readTree(response.body()).path("id").asText();
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
  }

  @Override
  public void close() {
    http.close();
    executor.close();
  }
}
