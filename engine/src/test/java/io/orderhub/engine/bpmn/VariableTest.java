package io.orderhub.engine.bpmn;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.orderhub.engine.testing.EngineTestBase;
import io.orderhub.engine.testing.Transport;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class VariableTest extends EngineTestBase {

  @ParameterizedTest
  @EnumSource(Transport.class)
  void shouldMapInputsToLocalVariablesAndOutputsBackToTheProcess(Transport transport) {
    deploy(
        transport,
        Bpmn.createExecutableProcess("io")
            .startEvent()
            .serviceTask(
                "charge",
                t ->
                    t.zeebeJobType("charge")
                        .zeebeInputExpression("order.total * 100", "cents")
                        .zeebeOutputExpression("providerRef", "payment.reference")
                        .zeebeOutputExpression("\"CHARGED\"", "paymentStatus"))
            .serviceTask("next", t -> t.zeebeJobType("next"))
            .endEvent()
            .done());
    ProcessInstanceEvent instance =
        start(transport, "io", Map.of("order", Map.of("total", 12.5), "payment", Map.of("id", 7)));

    ActivatedJob charge = activateOne(transport, "charge");
    assertThat(charge.getVariablesAsMap()).containsEntry("cents", 1250);
    client(transport)
        .newCompleteCommand(charge.getKey())
        .variables(Map.of("providerRef", "psp-1", "secret", "not-merged"))
        .send()
        .join();

    ActivatedJob next = activateOne(transport, "next");
    Map<String, Object> vars = next.getVariablesAsMap();
    assertThat(vars).containsEntry("paymentStatus", "CHARGED");
    assertThat(vars.get("payment")).isEqualTo(Map.of("id", 7, "reference", "psp-1"));
    assertThat(vars).doesNotContainKeys("cents", "secret", "providerRef");
    assertThat(variablesOf(instance.getProcessInstanceKey())).doesNotContainKey("cents");
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void shouldSetLocalAndPropagatedVariablesOnAnElement(Transport transport) {
    deploy(transport, oneTask("vars", "work"));
    ProcessInstanceEvent instance = start(transport, "vars", Map.of("a", 1));
    ActivatedJob job = activateOne(transport, "work");

    client(transport)
        .newSetVariablesCommand(job.getElementInstanceKey())
        .variables(Map.of("scoped", true))
        .local(true)
        .send()
        .join();
    client(transport)
        .newSetVariablesCommand(job.getElementInstanceKey())
        .variables(Map.of("a", 2, "b", 3))
        .send()
        .join();

    assertThat(variablesOf(instance.getProcessInstanceKey()))
        .containsEntry("a", 2L)
        .containsEntry("b", 3L)
        .doesNotContainKey("scoped");
    assertThat(variablesOf(job.getElementInstanceKey())).containsEntry("scoped", true);
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void shouldFetchOnlyRequestedVariables(Transport transport) {
    deploy(transport, oneTask("fetch", "work"));
    start(transport, "fetch", Map.of("wanted", 1, "other", 2));

    ActivatedJob job =
        client(transport)
            .newActivateJobsCommand()
            .jobType("work")
            .maxJobsToActivate(1)
            .fetchVariables("wanted")
            .send()
            .join()
            .getJobs()
            .get(0);

    assertThat(job.getVariablesAsMap()).containsOnlyKeys("wanted");
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void shouldEvaluateAFeelScriptTask(Transport transport) {
    deploy(
        transport,
        Bpmn.createExecutableProcess("script")
            .startEvent()
            .scriptTask(
                "sum",
                s ->
                    s.zeebeExpression("sum(for line in lines return line.qty * line.price)")
                        .zeebeResultVariable("total"))
            .serviceTask("bill", t -> t.zeebeJobType("bill"))
            .endEvent()
            .done());
    start(
        transport,
        "script",
        Map.of(
            "lines",
            java.util.List.of(Map.of("qty", 2, "price", 5), Map.of("qty", 1, "price", 3))));

    assertThat(activateOne(transport, "bill").getVariablesAsMap()).containsEntry("total", 13);
  }
}
