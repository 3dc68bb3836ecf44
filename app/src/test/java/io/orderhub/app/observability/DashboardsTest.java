package io.orderhub.app.observability;

import static io.orderhub.app.Fixtures.key;
import static io.orderhub.app.Fixtures.orderJson;
import static io.orderhub.app.Fixtures.uniqueCustomer;
import static io.orderhub.app.Fixtures.uniqueKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.orderhub.app.Http;
import io.orderhub.app.OrderHubApplication;
import io.orderhub.app.TestServers;
import io.orderhub.app.TestTokens;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs a workload through the real models and workers (an order completed, one cancelled after
 * dispatch, so compensated), scrapes the application's and the engine's {@code
 * /actuator/prometheus}, and checks the metrics it promises and that every dashboard panel and
 * alert rule in {@code dashboards/} queries only metrics the scrapes contain.
 */
@SpringBootTest(
    classes = OrderHubApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "orderhub.process.deployment.resources=classpath*:bpmn/*.bpmn,classpath*:bpmn/*.dmn",
      "orderhub.payment.simulator.delivery=async",
      "camunda.client.execution-threads=4"
    })
@ActiveProfiles({"local", "test"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardsTest {

  private static final Path DASHBOARDS = Path.of("..", "dashboards");

  @DynamicPropertySource
  static void embeddedServers(DynamicPropertyRegistry registry) {
    TestServers.register(registry, true);
  }

  @LocalServerPort int httpPort;

  @org.springframework.beans.factory.annotation.Autowired
  io.orderhub.app.process.ProcessDeployer deployer;

  @Value("${orderhub.engine.monitoring-port}")
  int engineMonitoringPort;

  private String appScrape;
  private String engineScrape;

  @BeforeAll
  void runWorkloadAndScrape() throws Exception {
    Http http = new Http(httpPort);
    // on a loaded machine the deploy at startup may time out; it is retried on demand
    await().atMost(Duration.ofSeconds(120)).until(deployer::ensureDeployed);
    String completed = place(http);
    String cancelled = place(http);
    awaitStatus(http, completed, "DISPATCHED");
    assertThat(http.post("/api/orders/" + completed + "/delivery", "").status()).isEqualTo(202);
    awaitStatus(http, cancelled, "DISPATCHED");
    assertThat(http.post("/api/orders/" + cancelled + "/cancellation", "").status()).isEqualTo(202);
    awaitStatus(http, completed, "COMPLETED");
    awaitStatus(http, cancelled, "CANCELLED");
    // the compensation jobs report their completion to the client's metrics after the order ends
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                scrape(httpPort)
                    .contains("orderhub_compensations_total{kind=\"stock.release\"} 1"));
    appScrape = scrape(httpPort);
    engineScrape = scrape(engineMonitoringPort);
  }

  @Test
  void shouldPublishTheApplicationMetrics() {
    assertThat(value(appScrape, "orderhub_orders_placed_total{channel=\"rest\"}"))
        .isGreaterThanOrEqualTo(2);
    assertThat(value(appScrape, "orderhub_saga_duration_seconds_count{outcome=\"completed\"}"))
        .isGreaterThanOrEqualTo(1);
    assertThat(value(appScrape, "orderhub_saga_duration_seconds_count{outcome=\"compensated\"}"))
        .isGreaterThanOrEqualTo(1);
    assertThat(value(appScrape, "orderhub_order_transitions_total{event=\"OrderCompleted\"}"))
        .isGreaterThanOrEqualTo(1);
    assertThat(value(appScrape, "orderhub_compensations_total{kind=\"payment.refund\"}"))
        .isGreaterThanOrEqualTo(1);
    // the local profile routes payments over two simulated providers, sim-a and sim-b
    assertThat(
            sum(
                appScrape,
                "orderhub_provider_calls_seconds_count{operation=\"charge\",outcome=\"success\",provider=\"sim-"))
        .isGreaterThanOrEqualTo(2);
    assertThat(
            value(appScrape, "orderhub_payment_provider_share{provider=\"sim-a\"}")
                + value(appScrape, "orderhub_payment_provider_share{provider=\"sim-b\"}"))
        .isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(value(appScrape, "orderhub_circuit_state{dependency=\"carrier\"}")).isZero();
    assertThat(appScrape)
        .contains(
            "orderhub_payment_provider_error_rate{provider=\"sim-a\"}",
            "orderhub_payment_provider_latency_ms{provider=\"sim-b\"}",
            "orderhub_circuit_state{dependency=\"payment-sim-a\"}");
    assertThat(appScrape)
        .contains("orderhub_outbox_backlog ", "orderhub_outbox_oldest_age_seconds ");
  }

  @Test
  void shouldPublishTheEngineMetricsOfTheWorkload() {
    assertThat(engineScrape)
        .containsPattern(
            "orderhub_engine_process_instances_total\\{action=\"completed\",bpmnProcessId=\"order-fulfillment\",version=\"\\d+\"} [1-9]");
    assertThat(engineScrape).contains("orderhub_engine_jobs_activatable{type=\"stock.reserve\"}");
  }

  @Test
  void shouldQueryOnlyScrapedMetricsInEveryPanelAndRule() throws IOException {
    Map<String, Set<String>> referenced = new TreeMap<>();
    try (Stream<Path> files = Files.list(DASHBOARDS.resolve("grafana").resolve("dashboards"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
        JsonNode dashboard = JsonMapper.builder().build().readTree(Files.readString(file));
        for (JsonNode panel : dashboard.path("panels")) {
          for (JsonNode target : panel.path("targets")) {
            referenced.put(
                file.getFileName() + " / " + panel.path("title").asString(),
                PromQl.metricNames(target.path("expr").asString()));
          }
        }
      }
    }
    try (Stream<Path> files = Files.list(DASHBOARDS.resolve("prometheus"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".yml")).toList()) {
        Map<String, List<Map<String, Object>>> rules = new Yaml().load(Files.readString(file));
        for (Map<String, Object> group : rules.get("groups")) {
          @SuppressWarnings("unchecked")
          List<Map<String, Object>> groupRules = (List<Map<String, Object>>) group.get("rules");
          for (Map<String, Object> rule : groupRules) {
            referenced.put(
                file.getFileName() + " / " + rule.get("alert"),
                PromQl.metricNames((String) rule.get("expr")));
          }
        }
      }
    }

    assertThat(referenced).hasSizeGreaterThan(20);
    List<String> missing = new ArrayList<>();
    referenced.forEach(
        (where, names) ->
            names.stream()
                .filter(name -> !scraped(name))
                .forEach(name -> missing.add(where + ": " + name)));
    assertThat(missing).as("metrics queried but not in the scrapes").isEmpty();
  }

  private boolean scraped(String name) {
    Pattern sample = Pattern.compile("(?m)^" + Pattern.quote(name) + "[{ ]");
    return sample.matcher(appScrape).find() || sample.matcher(engineScrape).find();
  }

  private static String place(Http http) {
    return http.post("/api/orders", orderJson(uniqueCustomer()), key(uniqueKey()))
        .json()
        .path("id")
        .asString();
  }

  // the app's metrics need an operator's token; the engine's monitoring port has its own rules
  private String scrape(int port) throws IOException, InterruptedException {
    String[] authorization =
        port == httpPort
            ? new String[] {"Authorization", "Bearer " + TestTokens.operator(port)}
            : new String[] {"X-Scraper", "test"};
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/actuator/prometheus"))
                    .headers(authorization)
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return response.body();
  }

  /** The sum of the samples whose series starts with {@code prefix}. */
  private static double sum(String scrape, String prefix) {
    var matcher =
        Pattern.compile("(?m)^" + Pattern.quote(prefix) + "[^ ]* (\\S+)$").matcher(scrape);
    double sum = 0;
    while (matcher.find()) {
      sum += Double.parseDouble(matcher.group(1));
    }
    return sum;
  }

  private static double value(String scrape, String sample) {
    var matcher = Pattern.compile("(?m)^" + Pattern.quote(sample) + " (\\S+)$").matcher(scrape);
    assertThat(matcher.find()).as("sample %s in the scrape", sample).isTrue();
    return Double.parseDouble(matcher.group(1));
  }

  private static void awaitStatus(Http http, String id, String status) {
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(20))
        .until(() -> status.equals(http.get("/api/orders/" + id).json().path("status").asString()));
  }
}
