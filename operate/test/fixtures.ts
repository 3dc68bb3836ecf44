import { newDiagramXml } from '../src/logic/platform';

export const baseXml = newDiagramXml('order');

/** base with Task_1's type changed, a task added between Task_1 and the end, and nothing removed */
export const editedXml = baseXml
  .replace('type="work"', 'type="work-v2"')
  .replace('<bpmn:endEvent id="EndEvent_1">', '<bpmn:task id="Task_2" /><bpmn:endEvent id="EndEvent_1">');

export const complexGatewayXml = baseXml.replace(
  '<bpmn:endEvent id="EndEvent_1">',
  '<bpmn:complexGateway id="Gateway_complex" /><bpmn:endEvent id="EndEvent_1">'
);
