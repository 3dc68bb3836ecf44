import { BpmnModdle } from 'bpmn-moddle';
import zeebeModdle from 'zeebe-bpmn-moddle/resources/zeebe.json';

export interface ElementDescriptor { id: string; type: string; name?: string; signature: string }

export interface ModelDiff {
  added: ElementDescriptor[];
  removed: ElementDescriptor[];
  changed: Array<{ before: ElementDescriptor; after: ElementDescriptor }>;
}

// children are diffed as elements of their own, and incoming/outgoing mirror the flows' own refs
const SKIPPED = new Set(['flowElements', 'artifacts', 'laneSets', 'incoming', 'outgoing', 'di', 'id']);

/** Every element of every process in a BPMN XML, keyed by id, with a canonical form of its content. */
export async function describeElements(xml: string): Promise<Map<string, ElementDescriptor>> {
  const moddle = new BpmnModdle({ zeebe: zeebeModdle });
  const { rootElement } = await moddle.fromXML(xml, 'bpmn:Definitions');
  const result = new Map<string, ElementDescriptor>();
  const visit = (element: any) => {
    result.set(element.id, { id: element.id, type: element.$type, name: element.name, signature: canonical(element, 0) });
    (element.flowElements ?? []).forEach(visit);
  };
  for (const root of rootElement.rootElements ?? []) {
    if (root.$type === 'bpmn:Process') {
      visit(root);
    }
  }
  return result;
}

/** Which elements an edited model adds, removes and changes compared with the deployed one. */
export function diffModels(before: Map<string, ElementDescriptor>, after: Map<string, ElementDescriptor>): ModelDiff {
  const diff: ModelDiff = { added: [], removed: [], changed: [] };
  for (const [id, element] of after) {
    const old = before.get(id);
    if (!old) {
      diff.added.push(element);
    } else if (old.signature !== element.signature || old.type !== element.type) {
      diff.changed.push({ before: old, after: element });
    }
  }
  for (const [id, element] of before) {
    if (!after.has(id)) {
      diff.removed.push(element);
    }
  }
  const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
  diff.added.sort(byId);
  diff.removed.sort(byId);
  diff.changed.sort((a, b) => byId(a.after, b.after));
  return diff;
}

export async function diffXml(beforeXml: string, afterXml: string): Promise<ModelDiff> {
  return diffModels(await describeElements(beforeXml), await describeElements(afterXml));
}

function canonical(value: any, depth: number): string {
  if (value === null || value === undefined) {
    return 'null';
  }
  if (typeof value !== 'object') {
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) {
    return `[${value.map((v) => canonical(v, depth + 1)).join(',')}]`;
  }
  if (depth > 0 && typeof value.id === 'string' && value.$type && depth > 0 && isReference(value)) {
    return `#${value.id}`;
  }
  const keys = Object.keys(value).filter((k) => !k.startsWith('$') && !SKIPPED.has(k)).sort();
  const attrs = value.$attrs ? Object.keys(value.$attrs).sort().map((k) => `@${k}=${JSON.stringify(value.$attrs[k])}`) : [];
  const body = keys.map((k) => `${k}:${canonical(value[k], depth + 1)}`);
  return `${value.$type ?? ''}{${[...attrs, ...body].join(',')}}`;
}

// sourceRef/targetRef/default/attachedToRef point at other flow elements: compare by id only
function isReference(value: any): boolean {
  return /^bpmn:(.*Event|.*Task|.*Gateway|SubProcess|CallActivity|SequenceFlow|Message|Signal|Error|Escalation|Process)$/.test(value.$type);
}
