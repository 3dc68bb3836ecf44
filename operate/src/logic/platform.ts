const MODELER_NS = 'http://camunda.org/schema/modeler/1.0';

/**
 * @camunda/linting picks its rule set from the diagram's execution platform and lints nothing
 * without one; diagrams deployed by other tools often lack it, so it is added (Camunda Cloud 8.9).
 */
export function ensureExecutionPlatform(xml: string, version = '8.9.0'): string {
  const match = /<((?:[\w-]+:)?definitions)\b([^>]*)>/.exec(xml);
  if (!match || /executionPlatform=/.test(match[2])) {
    return xml;
  }
  let attributes = match[2];
  let prefix = 'modeler';
  const declared = new RegExp(`xmlns:([\\w-]+)="${MODELER_NS.replace(/\//g, '\\/').replace(/\./g, '\\.')}"`).exec(attributes);
  if (declared) {
    prefix = declared[1];
  } else {
    attributes += ` xmlns:modeler="${MODELER_NS}"`;
  }
  attributes += ` ${prefix}:executionPlatform="Camunda Cloud" ${prefix}:executionPlatformVersion="${version}"`;
  const selfClosing = attributes.trimEnd().endsWith('/');
  if (selfClosing) {
    return xml;
  }
  return xml.slice(0, match.index) + `<${match[1]}${attributes}>` + xml.slice(match.index + match[0].length);
}

let counter = 0;

/** A new, deployable diagram: a start event, one service task, an end event. */
export function newDiagramXml(processId = `Process_${Date.now().toString(36)}${counter++}`): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" xmlns:modeler="${MODELER_NS}" id="Definitions_${processId}" targetNamespace="http://bpmn.io/schema/bpmn" modeler:executionPlatform="Camunda Cloud" modeler:executionPlatformVersion="8.9.0">
  <bpmn:process id="${processId}" name="New process" isExecutable="true">
    <bpmn:startEvent id="StartEvent_1"><bpmn:outgoing>Flow_1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:serviceTask id="Task_1" name="Do work">
      <bpmn:extensionElements><zeebe:taskDefinition type="work" /></bpmn:extensionElements>
      <bpmn:incoming>Flow_1</bpmn:incoming><bpmn:outgoing>Flow_2</bpmn:outgoing>
    </bpmn:serviceTask>
    <bpmn:endEvent id="EndEvent_1"><bpmn:incoming>Flow_2</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="Flow_1" sourceRef="StartEvent_1" targetRef="Task_1" />
    <bpmn:sequenceFlow id="Flow_2" sourceRef="Task_1" targetRef="EndEvent_1" />
  </bpmn:process>
  <bpmndi:BPMNDiagram id="BPMNDiagram_1">
    <bpmndi:BPMNPlane id="BPMNPlane_1" bpmnElement="${processId}">
      <bpmndi:BPMNShape id="StartEvent_1_di" bpmnElement="StartEvent_1"><dc:Bounds x="152" y="102" width="36" height="36" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="Task_1_di" bpmnElement="Task_1"><dc:Bounds x="240" y="80" width="100" height="80" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="EndEvent_1_di" bpmnElement="EndEvent_1"><dc:Bounds x="392" y="102" width="36" height="36" /></bpmndi:BPMNShape>
      <bpmndi:BPMNEdge id="Flow_1_di" bpmnElement="Flow_1"><di:waypoint x="188" y="120" /><di:waypoint x="240" y="120" /></bpmndi:BPMNEdge>
      <bpmndi:BPMNEdge id="Flow_2_di" bpmnElement="Flow_2"><di:waypoint x="340" y="120" /><di:waypoint x="392" y="120" /></bpmndi:BPMNEdge>
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>`;
}
