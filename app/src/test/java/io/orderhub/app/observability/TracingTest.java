package io.orderhub.app.observability;

import static io.orderhub.app.Fixtures.key;
import static io.orderhub.app.Fixtures.orderJson;
import static io.orderhub.app.Fixtures.uniqueCustomer;
import static io.orderhub.app.Fixtures.uniqueKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.orderhub.app.Http;
import io.orderhub.app.OrderHubApplication;
import io.orderhub.app.TestServers;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One order, one trace: the REST create and the jobs of its four forward steps (validate, reserve,
 * request payment, route) share the trace id, the jobs as children of the create, because the W3C
 * trace context travels in the process variable {@code traceparent}.
 */
@SpringBootTest(
    classes = {OrderHubApplication.class, TracingTest.InMemorySpans.class},
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "orderhub.process.deployment.resources=classpath*:bpmn/*.bpmn,classpath*:bpmn/*.dmn",
      "orderhub.payment.simulator.delivery=async",
      "camunda.client.execution-threads=4",
      "management.tracing.sampling.probability=1.0",
      "management.opentelemetry.tracing.export.schedule-delay=50ms"
    })
@ActiveProfiles({"local", "test"})
class TracingTest {

  private static final Set<String> FORWARD_JOBS =
      Set.of("order.validate", "stock.reserve", "payment.request", "fulfilment.route");

  @TestConfiguration
  static class InMemorySpans {
    @Bean
    InMemorySpanExporter inMemorySpanExporter() {
      return InMemorySpanExporter.create();
    }
  }

  @DynamicPropertySource
  static void embeddedServers(DynamicPropertyRegistry registry) {
    TestServers.register(registry, true);
  }

  @LocalServerPort int httpPort;

  @org.springframework.beans.factory.annotation.Autowired
  io.orderhub.app.process.ProcessDeployer deployer;

  @Autowired InMemorySpanExporter spans;

  @Test
  void shouldHoldTheCreateAndEveryForwardJobOfAnOrderInOneTrace() {
    // given the models (on a loaded machine the deploy at startup may time out)
    await().atMost(Duration.ofSeconds(120)).until(deployer::ensureDeployed);

    // when
    Http http = new Http(httpPort);
    Http.Response created = http.post("/api/orders", orderJson(uniqueCustomer()), key(uniqueKey()));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    String orderId = created.json().path("id").asString();
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(20))
        .until(
            () ->
                "DISPATCHED"
                    .equals(http.get("/api/orders/" + orderId).json().path("status").asString()));

    // then
    SpanData create =
        await()
            .atMost(Duration.ofSeconds(10))
            .until(
                () ->
                    spans.getFinishedSpanItems().stream()
                        .filter(s -> s.getKind() == SpanKind.SERVER)
                        .filter(s -> s.getName().toLowerCase().contains("post"))
                        .filter(s -> s.getAttributes().toString().contains("/api/orders"))
                        .findFirst()
                        .orElse(null),
                span -> span != null);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> jobTypesIn(create.getTraceId()).containsAll(FORWARD_JOBS));
    List<SpanData> jobs =
        spans.getFinishedSpanItems().stream()
            .filter(s -> s.getTraceId().equals(create.getTraceId()))
            .filter(s -> s.getKind() == SpanKind.CONSUMER)
            .toList();
    assertThat(jobs)
        .filteredOn(s -> FORWARD_JOBS.contains(jobType(s)))
        .allSatisfy(job -> assertThat(job.getParentSpanId()).isEqualTo(create.getSpanId()));
  }

  private Set<String> jobTypesIn(String traceId) {
    return spans.getFinishedSpanItems().stream()
        .filter(s -> s.getTraceId().equals(traceId))
        .map(TracingTest::jobType)
        .filter(type -> type != null)
        .collect(Collectors.toSet());
  }

  private static String jobType(SpanData span) {
    return span.getAttributes().get(io.opentelemetry.api.common.AttributeKey.stringKey("job.type"));
  }
}
