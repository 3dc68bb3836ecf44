package io.orderhub.engine.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.orderhub.engine.Engine;
import io.orderhub.engine.EngineConfig;
import io.orderhub.engine.security.EngineCredentials;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngineMetricsTest {

  @TempDir Path dataDir;
  private Engine engine;
  private CamundaClient client;
  private Monitoring monitoring;

  @BeforeEach
  void start() throws IOException {
    engine =
        Engine.start(
            EngineConfig.defaults(dataDir)
                .withPorts(0, 0)
                .withSecurity(EngineCredentials.TEST_ADMIN.asAdmin()),
            MonitoringConfig.on(0));
    client =
        CamundaClient.newClientBuilder()
            .credentialsProvider(EngineCredentials.TEST_ADMIN.provider())
            .applyEnvironmentVariableOverrides(false)
            .restAddress(URI.create("http://localhost:" + engine.restPort()))
            .grpcAddress(URI.create("http://localhost:" + engine.grpcPort()))
            .defaultRequestTimeout(Duration.ofSeconds(20))
            .build();
    monitoring = new Monitoring(engine.monitoringPort());
  }

  @AfterEach
  void stop() {
    client.close();
    engine.close();
  }

  @Test
  void shouldCountInstancesJobsAndBacklogFromTheWorkDone() {
    // given
    client
        .newDeployResourceCommand()
        .addProcessModel(
            Bpmn.createExecutableProcess("pay-order")
                .startEvent()
                .serviceTask("charge", t -> t.zeebeJobType("charge"))
                .endEvent()
                .done(),
            "pay-order.bpmn")
        .send()
        .join();
    for (int i = 0; i < 3; i++) {
      client.newCreateInstanceCommand().bpmnProcessId("pay-order").latestVersion().send().join();
    }

    // when
    List<ActivatedJob> jobs =
        client
            .newActivateJobsCommand()
            .jobType("charge")
            .maxJobsToActivate(1)
            .send()
            .join()
            .getJobs();
    client.newCompleteCommand(jobs.getFirst().getKey()).send().join();

    // then
    String scrape = monitoring.scrape();
    String process = "bpmnProcessId=\"pay-order\",version=\"1\"";
    assertThat(
            Monitoring.value(
                scrape,
                "orderhub_engine_process_instances_total{action=\"created\"," + process + "}"))
        .isEqualTo(3);
    assertThat(
            Monitoring.value(
                scrape,
                "orderhub_engine_process_instances_total{action=\"completed\"," + process + "}"))
        .isEqualTo(1);
    assertThat(
            Monitoring.value(
                scrape, "orderhub_engine_jobs_total{action=\"created\",type=\"charge\"}"))
        .isEqualTo(3);
    assertThat(
            Monitoring.value(
                scrape, "orderhub_engine_jobs_total{action=\"activated\",type=\"charge\"}"))
        .isEqualTo(1);
    assertThat(
            Monitoring.value(
                scrape, "orderhub_engine_jobs_total{action=\"completed\",type=\"charge\"}"))
        .isEqualTo(1);
    assertThat(Monitoring.value(scrape, "orderhub_engine_jobs_activatable{type=\"charge\"}"))
        .isEqualTo(2);
    assertThat(
            Monitoring.value(
                scrape,
                "orderhub_engine_element_instances_total{action=\"completed\",type=\"SERVICE_TASK\"}"))
        .isEqualTo(1);
    assertThat(Monitoring.value(scrape, "orderhub_engine_journal_fsync_latency_seconds_count"))
        .isPositive();
    assertThat(Monitoring.value(scrape, "orderhub_engine_processing_latency_seconds_count"))
        .isGreaterThanOrEqualTo(5);
    assertThat(scrape).contains("jvm_memory_used_bytes{");
  }

  @Test
  void shouldCountOpenIncidents() {
    // given a job that fails without retries
    client
        .newDeployResourceCommand()
        .addProcessModel(
            Bpmn.createExecutableProcess("fragile")
                .startEvent()
                .serviceTask("call", t -> t.zeebeJobType("call"))
                .endEvent()
                .done(),
            "fragile.bpmn")
        .send()
        .join();
    client.newCreateInstanceCommand().bpmnProcessId("fragile").latestVersion().send().join();
    ActivatedJob job =
        client
            .newActivateJobsCommand()
            .jobType("call")
            .maxJobsToActivate(1)
            .send()
            .join()
            .getJobs()
            .getFirst();

    // when
    client.newFailCommand(job.getKey()).retries(0).errorMessage("down").send().join();

    // then
    String scrape = monitoring.scrape();
    assertThat(Monitoring.value(scrape, "orderhub_engine_incidents_open")).isEqualTo(1);
    assertThat(Monitoring.value(scrape, "orderhub_engine_incidents_total{action=\"created\"}"))
        .isEqualTo(1);
    assertThat(
            Monitoring.value(scrape, "orderhub_engine_jobs_total{action=\"failed\",type=\"call\"}"))
        .isEqualTo(1);
  }

  @Test
  void shouldPublishEveryDeclaredMeterAndDocumentIt() throws Exception {
    // given some work, so that the per-type meters exist
    shouldCountOpenIncidents();

    // when
    String scrape = monitoring.scrape();
    String readme = Files.readString(Path.of("README.md"));

    // then every name declared in EngineMeters is scraped and listed in the engine README
    List<String> missing = new ArrayList<>();
    for (String name : declaredNames()) {
      String prefix = name.replace('.', '_');
      if (!scrape.contains("\n" + prefix) && !scrape.startsWith(prefix)) {
        missing.add(prefix + " (scrape)");
      }
      if (!readme.contains("`" + prefix)) {
        missing.add(prefix + " (README)");
      }
    }
    assertThat(missing).isEmpty();
  }

  @Test
  void shouldAnswerAllProbesOnceStarted() {
    assertThat(monitoring.probe("liveness")).isEqualTo(200);
    assertThat(monitoring.probe("readiness")).isEqualTo(200);
    assertThat(monitoring.probe("startup")).isEqualTo(200);
    assertThat(monitoring.get("/actuator/health").body()).contains("\"status\":\"UP\"");
  }

  @Test
  void shouldServeThePrometheusTextFormat() {
    assertThat(monitoring.get("/actuator/prometheus").headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain; version=0.0.4"));
  }

  private static List<String> declaredNames() throws IllegalAccessException {
    List<String> names = new ArrayList<>();
    for (Field field : EngineMeters.class.getFields()) {
      if (Modifier.isStatic(field.getModifiers())
          && field.getType() == String.class
          && ((String) field.get(null)).startsWith("orderhub.")) {
        names.add((String) field.get(null));
      }
    }
    return names;
  }
}
