package io.orderhub.engine.bpmn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.api.response.DeploymentEvent;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.orderhub.engine.testing.EngineTestBase;
import io.orderhub.engine.testing.Transport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DeploymentTest extends EngineTestBase {

  @ParameterizedTest
  @EnumSource(Transport.class)
  void shouldKeepTheVersionForTheSameBytesAndBumpItForChangedOnes(Transport transport) {
    var model = oneTask("versioned", "a");
    DeploymentEvent first = deploy(transport, model);
    DeploymentEvent same = deploy(transport, model);
    DeploymentEvent changed = deploy(transport, oneTask("versioned", "b"));

    assertThat(first.getProcesses().get(0).getVersion()).isEqualTo(1);
    assertThat(same.getProcesses().get(0).getVersion()).isEqualTo(1);
    assertThat(same.getProcesses().get(0).getProcessDefinitionKey())
        .isEqualTo(first.getProcesses().get(0).getProcessDefinitionKey());
    assertThat(changed.getProcesses().get(0).getVersion()).isEqualTo(2);
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void shouldKeepRunningInstancesOnTheirVersion(Transport transport) {
    deploy(transport, oneTask("v", "old-work"));
    ProcessInstanceEvent old = start(transport, "v", Map.of());
    deploy(transport, oneTask("v", "new-work"));
    ProcessInstanceEvent fresh = start(transport, "v", Map.of());

    assertThat(activateOne(transport, "old-work").getProcessInstanceKey())
        .isEqualTo(old.getProcessInstanceKey());
    assertThat(activateOne(transport, "new-work").getProcessInstanceKey())
        .isEqualTo(fresh.getProcessInstanceKey());
    assertThat(fresh.getVersion()).isEqualTo(2);
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void shouldRejectATaskWithoutJobTypeNamingTheElement(Transport transport) {
    var model =
        Bpmn.createExecutableProcess("bad")
            .startEvent()
            .serviceTask("reserveStock")
            .endEvent()
            .done();

    assertThatThrownBy(() -> deploy(transport, model))
        .hasMessageContaining("reserveStock")
        .hasMessageContaining("job type");
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void shouldRejectBadFeelNamingTheElement(Transport transport) {
    var model =
        Bpmn.createExecutableProcess("bad-feel")
            .startEvent()
            .exclusiveGateway("check")
            .conditionExpression("amount >>> 3")
            .endEvent()
            .moveToLastExclusiveGateway()
            .defaultFlow()
            .endEvent()
            .done();

    assertThatThrownBy(() -> deploy(transport, model))
        .hasMessageContaining("not a valid FEEL expression");
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void shouldRejectAnUnsupportedElementAndDeployNothingOfTheResource(Transport transport) {
    String xml =
        Bpmn.convertToString(
                Bpmn.createExecutableProcess("unsupported")
                    .startEvent()
                    .exclusiveGateway("merge")
                    .endEvent()
                    .done())
            .replace("exclusiveGateway", "complexGateway");

    assertThatThrownBy(
            () ->
                client(transport)
                    .newDeployResourceCommand()
                    .addResourceString(xml, StandardCharsets.UTF_8, "complex.bpmn")
                    .send()
                    .join())
        .hasMessageContaining("merge");
    assertThatThrownBy(() -> start(transport, "unsupported", Map.of()))
        .hasMessageContaining("unsupported");
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void shouldRejectANonExecutableProcessAndBrokenXml(Transport transport) {
    String notExecutable =
        Bpmn.convertToString(oneTask("lazy", "x"))
            .replace("isExecutable=\"true\"", "isExecutable=\"false\"");

    assertThatThrownBy(
            () ->
                client(transport)
                    .newDeployResourceCommand()
                    .addResourceString(notExecutable, StandardCharsets.UTF_8, "lazy.bpmn")
                    .send()
                    .join())
        .hasMessageContaining("executable");
    assertThatThrownBy(
            () ->
                client(transport)
                    .newDeployResourceCommand()
                    .addResourceString("<definitions", StandardCharsets.UTF_8, "broken.bpmn")
                    .send()
                    .join())
        .hasMessageContaining("broken.bpmn");
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void shouldNeverHandOutAKeyAgainAfterARestart(Transport transport) throws IOException {
    // one model instance: the builder gives every new one fresh generated ids, i.e. other bytes
    var model = oneTask("same", "work");
    DeploymentEvent first = deploy(transport, model);
    // changes nothing, yet answers with a fresh deployment key
    DeploymentEvent unchanged = deploy(transport, model);
    assertThat(unchanged.getProcesses().get(0).getProcessDefinitionKey())
        .isEqualTo(first.getProcesses().get(0).getProcessDefinitionKey());

    restartEngine();
    DeploymentEvent changed = deploy(transport, oneTask("other", "work"));

    assertThat(
            List.of(
                first.getKey(),
                first.getProcesses().get(0).getProcessDefinitionKey(),
                unchanged.getKey(),
                changed.getKey(),
                changed.getProcesses().get(0).getProcessDefinitionKey()))
        .doesNotHaveDuplicates();
  }

  /** Only gRPC answers SetVariables with a key; over REST it is 204 without a body. */
  @ParameterizedTest
  @EnumSource(value = Transport.class, names = "GRPC")
  void shouldNeverHandOutTheKeyOfAVariableDocumentAgain(Transport transport) throws IOException {
    deploy(transport, oneTask("same", "work"));
    long instance = start(transport, "same", Map.of()).getProcessInstanceKey();
    long variablesKey =
        client(transport)
            .newSetVariablesCommand(instance)
            .variables(Map.of("a", 1))
            .send()
            .join()
            .getKey();

    restartEngine();
    DeploymentEvent changed = deploy(transport, oneTask("other", "work"));

    assertThat(changed.getKey()).isNotEqualTo(variablesKey);
    assertThat(changed.getProcesses().get(0).getProcessDefinitionKey()).isNotEqualTo(variablesKey);
  }
}
