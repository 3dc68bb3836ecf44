import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn-embedded.css';
import { h } from '../dom';
import type { Badge, Highlight } from '../logic/overlays';

export interface DiagramHandle {
  viewer: any;
  elementIds(): Array<{ id: string; type: string; name?: string }>;
  destroy(): void;
}

/** A read-only bpmn-js diagram of a deployed XML, fitted to its container. */
export async function showDiagram(container: HTMLElement, xml: string): Promise<DiagramHandle> {
  const viewer: any = new NavigatedViewer({ container });
  await viewer.importXML(xml);
  viewer.get('canvas').zoom('fit-viewport', 'auto');
  return {
    viewer,
    elementIds: () => flowElements(viewer),
    destroy: () => viewer.destroy()
  };
}

export function flowElements(viewer: any): Array<{ id: string; type: string; name?: string }> {
  return viewer
    .get('elementRegistry')
    .filter((e: any) => e.businessObject && e.type !== 'label' && !e.type.endsWith('Process') && e.type !== 'bpmn:SequenceFlow' && !e.type.startsWith('bpmndi'))
    .map((e: any) => ({ id: e.id, type: e.type, name: e.businessObject.name }));
}

export function addBadges(viewer: any, badges: Badge[]) {
  const overlays = viewer.get('overlays');
  const registry = viewer.get('elementRegistry');
  const byElement = new Map<string, Badge[]>();
  badges.forEach((b) => byElement.set(b.elementId, [...(byElement.get(b.elementId) ?? []), b]));
  for (const [elementId, list] of byElement) {
    if (!registry.get(elementId)) {
      continue;
    }
    overlays.add(elementId, 'statistics', {
      position: { bottom: 10, left: 0 },
      html: h('div', { className: 'overlay-badges', 'data-element': elementId },
        list.map((b) => h('span', { className: `badge badge-${b.kind}`, 'data-kind': b.kind, title: `${b.count} ${b.kind}` }, b.count)))
    });
  }
}

export function highlight(viewer: any, highlights: Map<string, Highlight>, takenFlows: string[]) {
  const canvas = viewer.get('canvas');
  const registry = viewer.get('elementRegistry');
  for (const [elementId, state] of highlights) {
    if (registry.get(elementId)) {
      canvas.addMarker(elementId, `hl-${state}`);
    }
  }
  for (const flow of takenFlows) {
    if (registry.get(flow)) {
      canvas.addMarker(flow, 'hl-taken');
    }
  }
}
