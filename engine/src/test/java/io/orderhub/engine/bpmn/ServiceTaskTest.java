package io.orderhub.engine.bpmn;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.camunda.client.api.response.ProcessInstanceResult;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.orderhub.engine.record.EngineEvent.JobCreated;
import io.orderhub.engine.testing.EngineTestBase;
import io.orderhub.engine.testing.Transport;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ServiceTaskTest extends EngineTestBase {

  @ParameterizedTest
  @EnumSource(Transport.class)
  void shouldCompleteProcessWhenWorkerCompletesTheJob(Transport transport) {
    // given
    deploy(transport, oneTask("one-task", "work"));
    ProcessInstanceEvent instance = start(transport, "one-task", Map.of("orderId", "o-1"));

    // when
    ActivatedJob job = activateOne(transport, "work");
    client(transport)
        .newCompleteCommand(job.getKey())
        .variables(Map.of("done", true))
        .send()
        .join();

    // then
    assertThat(job.getVariablesAsMap()).containsEntry("orderId", "o-1");
    assertThat(job.getBpmnProcessId()).isEqualTo("one-task");
    assertThat(job.getElementId()).isEqualTo("task");
    assertThat(job.getProcessInstanceKey()).isEqualTo(instance.getProcessInstanceKey());
    awaitProcessCompleted(instance.getProcessInstanceKey());
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void shouldPassHeadersRetriesAndFeelJobType(Transport transport) {
    // given
    deploy(
        transport,
        Bpmn.createExecutableProcess("headers")
            .startEvent()
            .serviceTask(
                "task",
                t ->
                    t.zeebeJobTypeExpression("\"pay-\" + channel")
                        .zeebeJobRetriesExpression("2 + 3")
                        .zeebeTaskHeader("sla", "PT5M"))
            .endEvent()
            .done());

    // when
    start(transport, "headers", Map.of("channel", "card"));
    ActivatedJob job = activateOne(transport, "pay-card");

    // then
    assertThat(job.getRetries()).isEqualTo(5);
    assertThat(job.getCustomHeaders()).containsEntry("sla", "PT5M");
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void shouldRunSequentialTasksAndMergeVariablesIntoTheRootScope(Transport transport) {
    // given
    deploy(
        transport,
        Bpmn.createExecutableProcess("two-tasks")
            .startEvent()
            .serviceTask("a", t -> t.zeebeJobType("a"))
            .serviceTask("b", t -> t.zeebeJobType("b"))
            .endEvent()
            .done());
    ProcessInstanceEvent instance = start(transport, "two-tasks", Map.of());

    // when
    completeJob(transport, "a", Map.of("fromA", 1));
    ActivatedJob b = activateOne(transport, "b");

    // then
    assertThat(b.getVariablesAsMap()).containsEntry("fromA", 1);
    client(transport).newCompleteCommand(b.getKey()).send().join();
    awaitProcessCompleted(instance.getProcessInstanceKey());
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void shouldReturnResultOfAwaitedInstance(Transport transport) {
    // given
    deploy(transport, oneTask("awaited", "calc"));

    // when
    var pending =
        client(transport)
            .newCreateInstanceCommand()
            .bpmnProcessId("awaited")
            .latestVersion()
            .variables(Map.of("x", 20))
            .withResult()
            .requestTimeout(Duration.ofSeconds(20))
            .send();
    completeJob(transport, "calc", Map.of("y", 22));
    ProcessInstanceResult result = pending.join();

    // then
    assertThat(result.getVariablesAsMap()).containsEntry("x", 20).containsEntry("y", 22);
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void shouldPushJobsToAnOpenStream(Transport transport) throws Exception {
    // given a streaming worker (the client streams over gRPC whatever it prefers otherwise)
    deploy(transport, oneTask("streamed", "push"));
    var received = new java.util.concurrent.CompletableFuture<Long>();
    try (var worker =
        client(transport)
            .newWorker()
            .jobType("push")
            .handler(
                (c, job) -> {
                  c.newCompleteCommand(job.getKey()).send().join();
                  received.complete(job.getKey());
                })
            .streamEnabled(true)
            .pollInterval(Duration.ofHours(1))
            .open()) {
      // when
      ProcessInstanceEvent instance = start(transport, "streamed", Map.of());

      // then
      long jobKey = received.get(20, java.util.concurrent.TimeUnit.SECONDS);
      assertThat(records.events(JobCreated.class)).anyMatch(j -> j.key() == jobKey);
      awaitProcessCompleted(instance.getProcessInstanceKey());
    }
  }
}
