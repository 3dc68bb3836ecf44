package io.orderhub.app.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.worker.JobWorker;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.orderhub.app.TestServers;
import io.orderhub.engine.Engine;
import io.orderhub.engine.EngineConfig;
import io.orderhub.engine.security.EngineCredentials;
import io.orderhub.workers.support.JobLeases;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A job leased for a second stays with its worker while the handler is busy for longer, because
 * {@link JobLeases} renews the lease — without it the engine hands the job to the next worker after
 * the second, and the work runs twice.
 */
class JobLeasesTest {

  @Test
  void shouldKeepTheJobWhileTheHandlerIsBusyLongerThanItsTimeout() throws Exception {
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
                .preferRestOverGrpc(false)
                .build();
        JobLeases leases = new JobLeases(Duration.ofMinutes(1))) {
      client
          .newDeployResourceCommand()
          .addProcessModel(
              Bpmn.createExecutableProcess("busy")
                  .startEvent()
                  .serviceTask("work", t -> t.zeebeJobType("busy.work"))
                  .endEvent()
                  .done(),
              "busy.bpmn")
          .send()
          .join();
      Duration timeout = Duration.ofSeconds(1);
      AtomicInteger activations = new AtomicInteger();
      CountDownLatch working = new CountDownLatch(1);
      CountDownLatch finish = new CountDownLatch(1);
      CountDownLatch completed = new CountDownLatch(1);
      try (JobWorker worker =
          client
              .newWorker()
              .jobType("busy.work")
              .handler(
                  leases.extending(
                      (jobClient, job) -> {
                        activations.incrementAndGet();
                        working.countDown();
                        assertThat(finish.await(30, TimeUnit.SECONDS)).isTrue();
                        jobClient.newCompleteCommand(job).send().join();
                        completed.countDown();
                      },
                      client,
                      timeout))
              .timeout(timeout)
              .maxJobsActive(4)
              .open()) {
        client.newCreateInstanceCommand().bpmnProcessId("busy").latestVersion().send().join();
        assertThat(working.await(30, TimeUnit.SECONDS)).isTrue();

        // another worker asks for the job over three of its timeouts: it never gets it
        assertThat(
                client
                    .newActivateJobsCommand()
                    .jobType("busy.work")
                    .maxJobsToActivate(1)
                    .timeout(Duration.ofMinutes(1))
                    .requestTimeout(timeout.multipliedBy(3))
                    .send()
                    .join()
                    .getJobs())
            .isEmpty();
        finish.countDown();
        assertThat(completed.await(30, TimeUnit.SECONDS)).isTrue();
      }
      assertThat(activations.get()).isEqualTo(1);
    }
  }
}
