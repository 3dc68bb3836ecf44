package io.orderhub.engine.exporter;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.FlowElement;
import io.camunda.zeebe.model.bpmn.instance.Process;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeVersionTag;
import java.io.ByteArrayInputStream;
import java.util.HashMap;
import java.util.Map;

/**
 * What the read model shows of a process version beyond the deployment event: its name, version tag
 * and element names, read from the deployed BPMN. Immutable.
 */
record DefinitionNames(String name, String versionTag, Map<String, String> elementNames) {

  static final DefinitionNames NONE = new DefinitionNames(null, null, Map.of());

  /** Never fails: a resource the exporter cannot read just has no names (it deployed fine). */
  static DefinitionNames read(byte[] resource, String bpmnProcessId) {
    try {
      BpmnModelInstance model = Bpmn.readModelFromStream(new ByteArrayInputStream(resource));
      String name = null;
      String versionTag = null;
      for (Process process : model.getModelElementsByType(Process.class)) {
        if (process.getId().equals(bpmnProcessId)) {
          name = process.getName();
          ZeebeVersionTag tag =
              process.getExtensionElements() == null
                  ? null
                  : process
                      .getExtensionElements()
                      .getElementsQuery()
                      .filterByType(ZeebeVersionTag.class)
                      .list()
                      .stream()
                      .findFirst()
                      .orElse(null);
          versionTag = tag == null ? null : tag.getValue();
        }
      }
      Map<String, String> names = new HashMap<>();
      for (FlowElement element : model.getModelElementsByType(FlowElement.class)) {
        if (element.getName() != null) {
          names.put(element.getId(), element.getName());
        }
      }
      return new DefinitionNames(name, versionTag, Map.copyOf(names));
    } catch (RuntimeException e) {
      return NONE;
    }
  }
}
