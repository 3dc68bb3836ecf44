package io.orderhub.engine.bpmn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.api.response.ProcessInstanceEvent;
import io.grpc.Status;
import io.orderhub.engine.record.EngineEvent.ElementActivating;
import io.orderhub.engine.record.EngineEvent.ElementTerminated;
import io.orderhub.engine.record.EngineEvent.JobCanceled;
import io.orderhub.engine.testing.EngineTestBase;
import io.orderhub.engine.testing.Rejected;
import io.orderhub.engine.testing.Transport;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ProcessInstanceTest extends EngineTestBase {

  @ParameterizedTest
  @EnumSource(Transport.class)
  void shouldRejectASecondActiveInstanceWithTheSameBusinessId(Transport transport) {
    deploy(transport, oneTask("order", "work"));
    ProcessInstanceEvent first =
        client(transport)
            .newCreateInstanceCommand()
            .bpmnProcessId("order")
            .latestVersion()
            .businessId("order-1")
            .tags(Set.of("channel:web"))
            .send()
            .join();

    assertThatThrownBy(
            () ->
                client(transport)
                    .newCreateInstanceCommand()
                    .bpmnProcessId("order")
                    .latestVersion()
                    .businessId("order-1")
                    .send()
                    .join())
        .hasMessageContaining("order-1");

    // once the first instance is over, the business id is free again
    completeJob(transport, "work", Map.of());
    awaitProcessCompleted(first.getProcessInstanceKey());
    ProcessInstanceEvent second =
        client(transport)
            .newCreateInstanceCommand()
            .bpmnProcessId("order")
            .latestVersion()
            .businessId("order-1")
            .send()
            .join();
    assertThat(second.getProcessInstanceKey()).isNotEqualTo(first.getProcessInstanceKey());
    var activating =
        records.await(ElementActivating.class, e -> e.key() == first.getProcessInstanceKey());
    assertThat(activating.tags()).containsExactly("channel:web");
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void shouldCancelAnInstanceAndItsJobs(Transport transport) {
    deploy(transport, oneTask("cancel-me", "work"));
    ProcessInstanceEvent instance = start(transport, "cancel-me", Map.of());
    activateOne(transport, "work");

    client(transport).newCancelInstanceCommand(instance.getProcessInstanceKey()).send().join();

    records.await(ElementTerminated.class, e -> e.key() == instance.getProcessInstanceKey());
    assertThat(records.events(JobCanceled.class)).hasSize(1);
    assertThatThrownBy(
            () ->
                client(transport)
                    .newCancelInstanceCommand(instance.getProcessInstanceKey())
                    .send()
                    .join())
        .hasMessageContaining("no such process was found");
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void shouldRejectAnUnknownProcess(Transport transport) {
    assertThatThrownBy(() -> start(transport, "nope", Map.of())).hasMessageContaining("nope");
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void shouldStartAtTheElementsOfStartInstructions(Transport transport) {
    deploy(
        transport,
        io.camunda.zeebe.model.bpmn.Bpmn.createExecutableProcess("skip")
            .startEvent()
            .serviceTask("first", t -> t.zeebeJobType("first"))
            .serviceTask("second", t -> t.zeebeJobType("second"))
            .endEvent()
            .done());

    ProcessInstanceEvent instance =
        client(transport)
            .newCreateInstanceCommand()
            .bpmnProcessId("skip")
            .latestVersion()
            .startBeforeElement("second")
            .send()
            .join();

    assertThat(activateOne(transport, "second").getProcessInstanceKey())
        .isEqualTo(instance.getProcessInstanceKey());
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void shouldRejectABusinessIdLongerThan256Characters(Transport transport) {
    deploy(transport, oneTask("order", "work"));

    String message =
        Rejected.by(
            transport,
            () ->
                client(transport)
                    .newCreateInstanceCommand()
                    .bpmnProcessId("order")
                    .latestVersion()
                    .businessId("b".repeat(257))
                    .send()
                    .join(),
            400,
            Status.Code.INVALID_ARGUMENT);
    assertThat(message).contains("256");

    ProcessInstanceEvent atTheLimit =
        client(transport)
            .newCreateInstanceCommand()
            .bpmnProcessId("order")
            .latestVersion()
            .businessId("b".repeat(256))
            .send()
            .join();
    assertThat(atTheLimit.getBusinessId()).hasSize(256);
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void shouldRejectANegativeVersionOtherThanLatest(Transport transport) {
    deploy(transport, oneTask("order", "work"));

    String message =
        Rejected.by(
            transport,
            () ->
                client(transport)
                    .newCreateInstanceCommand()
                    .bpmnProcessId("order")
                    .version(-5)
                    .send()
                    .join(),
            400,
            Status.Code.INVALID_ARGUMENT);
    assertThat(message).contains("-5");
  }
}
