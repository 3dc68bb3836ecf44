package io.orderhub.engine.metrics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads an engine's monitoring endpoint as Prometheus and Kubernetes do: plain HTTP GETs. */
final class Monitoring {

  private final HttpClient http = HttpClient.newHttpClient();
  private final int port;

  Monitoring(int port) {
    this.port = port;
  }

  HttpResponse<String> get(String path) {
    try {
      return http.send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
              .timeout(Duration.ofSeconds(10))
              .build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  String scrape() {
    HttpResponse<String> response = get("/actuator/prometheus");
    if (response.statusCode() != 200) {
      throw new AssertionError("Expected a scrape, but got " + response.statusCode());
    }
    return response.body();
  }

  int probe(String name) {
    return get("/actuator/health/" + name).statusCode();
  }

  /** The value of the sample with exactly this name and label set ({@code name{a="b",...}}). */
  static double value(String scrape, String sample) {
    Matcher matcher = Pattern.compile("(?m)^" + Pattern.quote(sample) + " (\\S+)$").matcher(scrape);
    if (!matcher.find()) {
      throw new AssertionError("Expected the sample " + sample + " in the scrape, but:\n" + scrape);
    }
    return Double.parseDouble(matcher.group(1));
  }
}
