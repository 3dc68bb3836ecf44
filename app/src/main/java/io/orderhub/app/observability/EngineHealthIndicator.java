package io.orderhub.app.observability;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The engine as a health component ({@code engine}): UP only while the engine processes commands,
 * as its own readiness probe says ({@code orderhub.engine.health-url}, the monitoring port's {@code
 * /actuator/health/readiness} — Order Hub's engine and a Zeebe broker both serve it). The topology
 * the Camunda client checks stays healthy while a wedged engine answers nothing else, so this asks
 * the probe that knows. Without a URL it reports UNKNOWN, which does not change the aggregate.
 */
public class EngineHealthIndicator implements HealthIndicator {

  private static final Duration TIMEOUT = Duration.ofSeconds(3);
  private final URI url;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(TIMEOUT).version(HttpClient.Version.HTTP_1_1).build();
  private final ObjectMapper json = JsonMapper.builder().build();

  public EngineHealthIndicator(URI url) {
    this.url = url;
  }

  @Override
  public Health health() {
    if (url == null) {
      return Health.unknown().withDetail("reason", "orderhub.engine.health-url is not set").build();
    }
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(url).timeout(TIMEOUT).GET().build(),
              HttpResponse.BodyHandlers.ofString());
      Health.Builder health = response.statusCode() == 200 ? Health.up() : Health.down();
      health.withDetail("url", url.toString()).withDetail("httpStatus", response.statusCode());
      JsonNode details = parse(response.body()).path("details");
      details.properties().forEach(e -> health.withDetail(e.getKey(), e.getValue().toString()));
      return health.build();
    } catch (IOException e) {
      return Health.down()
          .withDetail("url", url.toString())
          .withDetail("error", e.toString())
          .build();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Health.down()
          .withDetail("url", url.toString())
          .withDetail("error", "interrupted")
          .build();
    }
  }

  private JsonNode parse(String body) {
    try {
      return json.readTree(body);
    } catch (JacksonException e) {
      return json.createObjectNode();
    }
  }
}
