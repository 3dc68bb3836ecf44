package io.orderhub.engine.bpmn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.api.response.ProcessInstanceEvent;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.orderhub.engine.record.EngineEvent.ElementActivating;
import io.orderhub.engine.record.EngineEvent.IncidentCreated;
import io.orderhub.engine.record.EngineEvent.MessageSubscriptionOpened;
import io.orderhub.engine.testing.EngineTestBase;
import io.orderhub.engine.testing.Transport;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MessageEventTest extends EngineTestBase {

  private static BpmnModelInstance waitForPayment() {
    return Bpmn.createExecutableProcess("pay")
        .startEvent()
        .intermediateCatchEvent(
            "paid",
            e ->
                e.message(m -> m.name("PaymentConfirmed").zeebeCorrelationKeyExpression("orderId")))
        .serviceTask("ship", t -> t.zeebeJobType("ship"))
        .endEvent()
        .done();
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void shouldCorrelateAMessageToTheWaitingInstance(Transport transport) {
    deploy(transport, waitForPayment());
    ProcessInstanceEvent a = start(transport, "pay", Map.of("orderId", "A"));
    ProcessInstanceEvent b = start(transport, "pay", Map.of("orderId", "B"));
    records.await(MessageSubscriptionOpened.class, s -> s.correlationKey().equals("B"));

    client(transport)
        .newPublishMessageCommand()
        .messageName("PaymentConfirmed")
        .correlationKey("B")
        .variables(Map.of("paymentId", "p-9"))
        .send()
        .join();

    var job = activateOne(transport, "ship");
    assertThat(job.getProcessInstanceKey()).isEqualTo(b.getProcessInstanceKey());
    assertThat(job.getVariablesAsMap()).containsEntry("paymentId", "p-9");
    assertThat(completed(a.getProcessInstanceKey())).isFalse();
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void shouldBufferAMessageForItsTimeToLive(Transport transport) {
    deploy(transport, waitForPayment());
    client(transport)
        .newPublishMessageCommand()
        .messageName("PaymentConfirmed")
        .correlationKey("early")
        .timeToLive(Duration.ofMinutes(5))
        .send()
        .join();

    ProcessInstanceEvent instance = start(transport, "pay", Map.of("orderId", "early"));

    var job = activateOne(transport, "ship");
    assertThat(job.getProcessInstanceKey()).isEqualTo(instance.getProcessInstanceKey());
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void shouldNotCorrelateAnExpiredMessage(Transport transport) {
    deploy(transport, waitForPayment());
    client(transport)
        .newPublishMessageCommand()
        .messageName("PaymentConfirmed")
        .correlationKey("late")
        .timeToLive(Duration.ofMinutes(1))
        .send()
        .join();
    clock.advance(Duration.ofMinutes(2));
    records.await(io.orderhub.engine.record.EngineEvent.MessageExpired.class);

    ProcessInstanceEvent instance = start(transport, "pay", Map.of("orderId", "late"));

    records.await(
        MessageSubscriptionOpened.class,
        s -> s.processInstanceKey() == instance.getProcessInstanceKey());
    assertThat(records.events(io.orderhub.engine.record.EngineEvent.MessageCorrelated.class))
        .isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void shouldRejectASecondMessageWithTheSameId(Transport transport) {
    var publish =
        client(transport)
            .newPublishMessageCommand()
            .messageName("PaymentConfirmed")
            .correlationKey("x")
            .messageId("callback-1")
            .timeToLive(Duration.ofMinutes(5));
    publish.send().join();

    assertThatThrownBy(() -> publish.send().join())
        .hasMessageContaining("callback-1")
        .hasMessageContaining("already published");
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void shouldCompleteAReceiveTask(Transport transport) {
    deploy(
        transport,
        Bpmn.createExecutableProcess("receive")
            .startEvent()
            .receiveTask("delivered")
            .message(m -> m.name("Delivered").zeebeCorrelationKeyExpression("orderId"))
            .endEvent()
            .done());
    ProcessInstanceEvent instance = start(transport, "receive", Map.of("orderId", 42));
    records.await(MessageSubscriptionOpened.class);

    client(transport)
        .newPublishMessageCommand()
        .messageName("Delivered")
        .correlationKey("42")
        .send()
        .join();

    awaitProcessCompleted(instance.getProcessInstanceKey());
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void shouldStartAnInstanceByMessage(Transport transport) {
    deploy(
        transport,
        Bpmn.createExecutableProcess("return")
            .startEvent("requested")
            .message("ReturnRequested")
            .serviceTask("approve", t -> t.zeebeJobType("approve"))
            .endEvent()
            .done());

    client(transport)
        .newPublishMessageCommand()
        .messageName("ReturnRequested")
        .correlationKey("order-7")
        .variables(Map.of("orderId", "order-7"))
        .send()
        .join();

    var job = activateOne(transport, "approve");
    assertThat(job.getVariablesAsMap()).containsEntry("orderId", "order-7");
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void shouldRaiseAnIncidentWhenTheCorrelationKeyIsMissing(Transport transport) {
    deploy(transport, waitForPayment());

    ProcessInstanceEvent instance = start(transport, "pay", Map.of());

    IncidentCreated incident =
        records.await(
            IncidentCreated.class, i -> i.processInstanceKey() == instance.getProcessInstanceKey());
    assertThat(incident.errorType()).isEqualTo("EXTRACT_VALUE_ERROR");
    assertThat(incident.elementId()).isEqualTo("paid");

    client(transport)
        .newSetVariablesCommand(instance.getProcessInstanceKey())
        .variables(Map.of("orderId", "fixed"))
        .send()
        .join();
    client(transport).newResolveIncidentCommand(incident.key()).send().join();
    records.await(MessageSubscriptionOpened.class, s -> s.correlationKey().equals("fixed"));
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void shouldFollowTheFirstEventAfterAnEventBasedGateway(Transport transport) {
    deploy(
        transport,
        Bpmn.createExecutableProcess("race")
            .startEvent()
            .eventBasedGateway("wait")
            .intermediateCatchEvent(
                "confirmed",
                e ->
                    e.message(
                        m -> m.name("PaymentConfirmed").zeebeCorrelationKeyExpression("orderId")))
            .endEvent("paidEnd")
            .moveToNode("wait")
            .intermediateCatchEvent("timeout", e -> e.timerWithDuration("PT15M"))
            .endEvent("timeoutEnd")
            .done());

    ProcessInstanceEvent paid = start(transport, "race", Map.of("orderId", "p"));
    ProcessInstanceEvent unpaid = start(transport, "race", Map.of("orderId", "u"));
    records.await(MessageSubscriptionOpened.class, s -> s.correlationKey().equals("u"));
    client(transport)
        .newPublishMessageCommand()
        .messageName("PaymentConfirmed")
        .correlationKey("p")
        .send()
        .join();
    awaitProcessCompleted(paid.getProcessInstanceKey());

    clock.advance(Duration.ofMinutes(16));
    awaitProcessCompleted(unpaid.getProcessInstanceKey());

    assertThat(reached(paid.getProcessInstanceKey(), "paidEnd")).isTrue();
    assertThat(reached(paid.getProcessInstanceKey(), "timeoutEnd")).isFalse();
    assertThat(reached(unpaid.getProcessInstanceKey(), "timeoutEnd")).isTrue();
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void shouldStartOneInstancePerCorrelationKeyAtATime(Transport transport) {
    deploy(
        transport,
        Bpmn.createExecutableProcess("per-key")
            .startEvent("requested")
            .message("ReturnRequested")
            .serviceTask("handle", t -> t.zeebeJobType("handle-return"))
            .endEvent()
            .done());
    var publish =
        client(transport)
            .newPublishMessageCommand()
            .messageName("ReturnRequested")
            .correlationKey("order-9")
            .timeToLive(Duration.ofMinutes(5));
    publish.send().join();
    var first = activateOne(transport, "handle-return");

    // a second request for the same order waits while the first instance runs
    publish.send().join();
    assertThat(
            client(transport)
                .newActivateJobsCommand()
                .jobType("handle-return")
                .maxJobsToActivate(1)
                .requestTimeout(Duration.ofMillis(200))
                .send()
                .join()
                .getJobs())
        .isEmpty();

    client(transport).newCompleteCommand(first.getKey()).send().join();
    var second = activateOne(transport, "handle-return");
    assertThat(second.getProcessInstanceKey()).isNotEqualTo(first.getProcessInstanceKey());
  }

  private boolean reached(long processInstanceKey, String elementId) {
    return records.events(ElementActivating.class).stream()
        .anyMatch(
            e -> e.processInstanceKey() == processInstanceKey && e.elementId().equals(elementId));
  }
}
