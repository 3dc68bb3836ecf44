package io.orderhub.bpmn;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.DeploymentEvent;
import io.camunda.client.api.response.Process;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.BaseElement;
import io.camunda.zeebe.model.bpmn.instance.Definitions;
import io.camunda.zeebe.model.bpmn.instance.FlowElement;
import io.camunda.zeebe.model.bpmn.instance.bpmndi.BpmnEdge;
import io.camunda.zeebe.model.bpmn.instance.bpmndi.BpmnShape;
import io.orderhub.bpmn.testing.EmbeddedEngine;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Both business models deploy through the official client and are fit for Camunda Modeler. */
class ModelDeploymentTest {

  @TempDir Path dataDir;

  @Test
  void shouldDeployBothModelsThroughTheClient() {
    try (EmbeddedEngine engine = EmbeddedEngine.start(dataDir);
        CamundaClient client = engine.newClient()) {

      DeploymentEvent deployment = EmbeddedEngine.deployModels(client);

      assertThat(deployment.getProcesses())
          .extracting(Process::getBpmnProcessId, Process::getVersion)
          .containsExactlyInAnyOrder(
              org.assertj.core.groups.Tuple.tuple("order-fulfillment", 1),
              org.assertj.core.groups.Tuple.tuple("order-return", 1));

      // the same bytes again: no new version
      assertThat(EmbeddedEngine.deployModels(client).getProcesses())
          .extracting(Process::getVersion)
          .containsOnly(1);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {EmbeddedEngine.ORDER_FULFILLMENT, EmbeddedEngine.ORDER_RETURN})
  void shouldTargetCamunda8AndDrawEveryElement(String location) {
    BpmnModelInstance model = Bpmn.readModelFromStream(EmbeddedEngine.resource(location));
    Definitions definitions = model.getDefinitions();
    assertThat(
            definitions.getAttributeValueNs(
                "http://camunda.org/schema/modeler/1.0", "executionPlatform"))
        .isEqualTo("Camunda Cloud");
    assertThat(
            definitions.getAttributeValueNs(
                "http://camunda.org/schema/modeler/1.0", "executionPlatformVersion"))
        .isEqualTo("8.9.0");

    Set<String> drawn = new HashSet<>();
    model
        .getModelElementsByType(BpmnShape.class)
        .forEach(s -> drawn.add(s.getBpmnElement().getId()));
    model
        .getModelElementsByType(BpmnEdge.class)
        .forEach(e -> drawn.add(e.getBpmnElement().getId()));
    List<String> flowElements =
        model.getModelElementsByType(FlowElement.class).stream().map(BaseElement::getId).toList();
    assertThat(drawn).containsAll(flowElements);
  }
}
