package io.orderhub.app.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobWorker;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.orderhub.app.TestServers;
import io.orderhub.domain.order.model.OrderStatus;
import io.orderhub.domain.shared.model.OrderId;
import io.orderhub.engine.Engine;
import io.orderhub.engine.EngineConfig;
import io.orderhub.engine.security.EngineCredentials;
import io.orderhub.workers.support.QuietOvertakenSteps;
import io.orderhub.workers.support.StepOvertaken;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * A step overtaken by a cancellation is the ordinary race, not a failure: one INFO line, no WARN,
 * no stack trace, and the job keeps its retries.
 */
@ExtendWith(OutputCaptureExtension.class)
class QuietOvertakenStepsTest {

  @Test
  void shouldHandBackAnOvertakenStepQuietlyWithItsRetries(CapturedOutput output) throws Exception {
    Path dataDir = Path.of("target", "test-data", UUID.randomUUID().toString()).toAbsolutePath();
    int grpc = TestServers.freePort();
    int rest = TestServers.freePort();
    try (Engine engine =
            Engine.start(
                EngineConfig.defaults(dataDir)
                    .withPorts(grpc, rest)
                    .withSecurity(EngineCredentials.TEST_ADMIN.asAdmin()));
        CamundaClient client =
            CamundaClient.newClientBuilder()
                .credentialsProvider(EngineCredentials.TEST_ADMIN.provider())
                .restAddress(URI.create("http://localhost:" + rest))
                .grpcAddress(URI.create("http://localhost:" + grpc))
                .build()) {
      client
          .newDeployResourceCommand()
          .addProcessModel(
              Bpmn.createExecutableProcess("overtaken")
                  .startEvent()
                  .serviceTask("step", t -> t.zeebeJobType("overtaken.step").zeebeJobRetries("3"))
                  .endEvent()
                  .done(),
              "overtaken.bpmn")
          .send()
          .join();
      CountDownLatch handled = new CountDownLatch(1);
      OrderId order = OrderId.newId();
      try (JobWorker worker =
          client
              .newWorker()
              .jobType("overtaken.step")
              .handler(
                  QuietOvertakenSteps.wrap(
                      (jobClient, job) -> {
                        handled.countDown();
                        throw new RuntimeException(
                            new StepOvertaken(
                                order,
                                OrderStatus.CANCELLATION_REQUESTED,
                                new IllegalStateException("refused")));
                      }))
              .maxJobsActive(1)
              .open()) {
        client.newCreateInstanceCommand().bpmnProcessId("overtaken").latestVersion().send().join();
        assertThat(handled.await(30, TimeUnit.SECONDS)).isTrue();
      }

      List<ActivatedJob> again =
          client
              .newActivateJobsCommand()
              .jobType("overtaken.step")
              .maxJobsToActivate(1)
              .requestTimeout(Duration.ofSeconds(10))
              .send()
              .join()
              .getJobs();
      assertThat(again).singleElement().satisfies(job -> assertThat(job.getRetries()).isEqualTo(3));
    }
    // the client's warning for a failed handler ("failed to handle job", with the stack trace) is
    // what an overtaken step must not produce; one INFO line says what happened
    assertThat(output.getOut())
        .doesNotContainIgnoringCase("failed to handle job")
        .doesNotContain("StepOvertaken");
    assertThat(output.getOut().lines().filter(line -> line.contains("step undone")))
        .singleElement()
        .satisfies(line -> assertThat(line).contains("INFO"));
  }
}
