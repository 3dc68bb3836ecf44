package io.orderhub.engine.bpmn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.orderhub.engine.record.EngineEvent.IncidentCreated;
import io.orderhub.engine.record.EngineEvent.IncidentResolved;
import io.orderhub.engine.record.EngineEvent.JobFailed;
import io.orderhub.engine.testing.EngineTestBase;
import io.orderhub.engine.testing.Transport;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class IncidentTest extends EngineTestBase {

  @ParameterizedTest
  @EnumSource(Transport.class)
  void shouldRetryAFailedJobAfterItsBackoff(Transport transport) {
    deploy(transport, oneTask("retry", "flaky"));
    start(transport, "retry", Map.of());
    ActivatedJob first = activateOne(transport, "flaky");

    client(transport)
        .newFailCommand(first.getKey())
        .retries(2)
        .retryBackoff(Duration.ofSeconds(30))
        .errorMessage("warehouse timeout")
        .send()
        .join();

    assertThat(
            client(transport)
                .newActivateJobsCommand()
                .jobType("flaky")
                .maxJobsToActivate(1)
                .requestTimeout(Duration.ofMillis(200))
                .send()
                .join()
                .getJobs())
        .isEmpty();
    clock.advance(Duration.ofSeconds(30));
    ActivatedJob second = activateOne(transport, "flaky");
    assertThat(second.getKey()).isEqualTo(first.getKey());
    assertThat(second.getRetries()).isEqualTo(2);
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void shouldRaiseAnIncidentWhenAJobRunsOutOfRetriesAndGoOnAfterResolution(Transport transport) {
    deploy(transport, oneTask("no-retries", "broken"));
    ProcessInstanceEvent instance = start(transport, "no-retries", Map.of());
    ActivatedJob job = activateOne(transport, "broken");

    client(transport).newFailCommand(job.getKey()).retries(0).errorMessage("boom").send().join();

    IncidentCreated incident = records.await(IncidentCreated.class);
    assertThat(incident.errorType()).isEqualTo("JOB_NO_RETRIES");
    assertThat(incident.errorMessage()).isEqualTo("boom");
    assertThat(incident.jobKey()).isEqualTo(job.getKey());

    // resolving before the retries are raised is refused
    assertThatThrownBy(
            () -> client(transport).newResolveIncidentCommand(incident.key()).send().join())
        .hasMessageContaining("no retries left");

    client(transport).newUpdateRetriesCommand(job.getKey()).retries(1).send().join();
    client(transport).newResolveIncidentCommand(incident.key()).send().join();
    records.await(IncidentResolved.class, r -> r.key() == incident.key());
    completeJob(transport, "broken", Map.of());
    awaitProcessCompleted(instance.getProcessInstanceKey());
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void shouldRaiseAnIncidentForAnUncaughtBpmnError(Transport transport) {
    deploy(transport, oneTask("error", "validate"));
    start(transport, "error", Map.of());
    ActivatedJob job = activateOne(transport, "validate");

    client(transport)
        .newThrowErrorCommand(job.getKey())
        .errorCode("INVALID_ORDER")
        .errorMessage("no lines")
        .send()
        .join();

    IncidentCreated incident = records.await(IncidentCreated.class);
    assertThat(incident.errorType()).isEqualTo("UNHANDLED_ERROR_EVENT");
    assertThat(incident.errorMessage()).contains("INVALID_ORDER").contains("no lines");
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void shouldRaiseAnIncidentWhenAnInputMappingFails(Transport transport) {
    deploy(
        transport,
        Bpmn.createExecutableProcess("mapping")
            .startEvent()
            .serviceTask(
                "task",
                t ->
                    t.zeebeJobType("t")
                        .zeebeInputExpression("assert(order, order != null).total", "total"))
            .endEvent()
            .done());

    ProcessInstanceEvent instance = start(transport, "mapping", Map.of());

    IncidentCreated incident = records.await(IncidentCreated.class);
    assertThat(incident.errorType()).isEqualTo("IO_MAPPING_ERROR");
    assertThat(incident.elementId()).isEqualTo("task");

    client(transport)
        .newSetVariablesCommand(instance.getProcessInstanceKey())
        .variables(Map.of("order", Map.of("total", 12)))
        .send()
        .join();
    client(transport).newResolveIncidentCommand(incident.key()).send().join();
    ActivatedJob job = activateOne(transport, "t");
    assertThat(job.getVariablesAsMap()).containsEntry("total", 12);
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void shouldMakeATimedOutJobActivatableAgain(Transport transport) {
    deploy(transport, oneTask("timeout", "slow"));
    start(transport, "timeout", Map.of());
    ActivatedJob first =
        client(transport)
            .newActivateJobsCommand()
            .jobType("slow")
            .maxJobsToActivate(1)
            .timeout(Duration.ofMinutes(1))
            .send()
            .join()
            .getJobs()
            .get(0);

    clock.advance(Duration.ofMinutes(2));

    ActivatedJob again = activateOne(transport, "slow");
    assertThat(again.getKey()).isEqualTo(first.getKey());
    assertThat(records.events(JobFailed.class)).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void shouldKeepAJobWhoseTimeoutWasExtended(Transport transport) {
    deploy(transport, oneTask("extend", "long"));
    start(transport, "extend", Map.of());
    ActivatedJob job =
        client(transport)
            .newActivateJobsCommand()
            .jobType("long")
            .maxJobsToActivate(1)
            .timeout(Duration.ofMinutes(1))
            .send()
            .join()
            .getJobs()
            .get(0);

    client(transport)
        .newUpdateTimeoutCommand(job.getKey())
        .timeout(Duration.ofMinutes(10))
        .send()
        .join();
    clock.advance(Duration.ofMinutes(2));

    assertThat(
            client(transport)
                .newActivateJobsCommand()
                .jobType("long")
                .maxJobsToActivate(1)
                .requestTimeout(Duration.ofMillis(200))
                .send()
                .join()
                .getJobs())
        .isEmpty();
    client(transport).newCompleteCommand(job.getKey()).send().join();
  }
}
