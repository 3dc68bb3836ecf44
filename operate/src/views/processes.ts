import { api } from '../api/client';
import type { ProcessDefinition } from '../api/types';
import { errorBox, formatDate, h, link, section } from '../dom';
import { statisticBadges } from '../logic/overlays';
import { navigate } from '../nav';
import { allDefinitions } from './counts';
import { addBadges, showDiagram, type DiagramHandle } from './diagram';

const PAGE_SIZE = 20;

/** /operate/processes?bpmnProcessId=…&version=…: the diagram with counts and the instance list. */
export default async function processes(root: HTMLElement, _params: Record<string, string>, query: URLSearchParams) {
  const bpmnProcessId = query.get('bpmnProcessId');
  root.append(h('h1', {}, 'Processes'));
  const definitions = await allDefinitions(api, bpmnProcessId ? { processDefinitionId: bpmnProcessId } : {});
  if (!bpmnProcessId) {
    const ids = [...new Map(definitions.map((d) => [d.processDefinitionId, d])).values()];
    root.append(section('Pick a process', h('ul', { className: 'plain' }, ids.map((d) =>
      h('li', {}, link(`/operate/processes?bpmnProcessId=${encodeURIComponent(d.processDefinitionId)}`, d.name || d.processDefinitionId))))));
    return;
  }
  if (definitions.length === 0) {
    root.append(errorBox(`No process "${bpmnProcessId}" is deployed`));
    return;
  }
  const versionParam = query.get('version');
  const definition: ProcessDefinition =
    definitions.find((d) => String(d.version) === versionParam) ?? definitions.reduce((a, b) => (a.version >= b.version ? a : b));

  const versionSelect = h('select', { id: 'version-select', onChange: (e: Event) => {
    const v = (e.target as HTMLSelectElement).value;
    navigate(`/operate/processes?bpmnProcessId=${encodeURIComponent(bpmnProcessId)}&version=${v}`);
  } }, definitions.map((d) => h('option', { value: d.version, selected: d.version === definition.version }, `v${d.version}${d.versionTag ? ` (${d.versionTag})` : ''}`)));
  root.append(h('div', { className: 'toolbar' }, h('strong', {}, definition.name || definition.processDefinitionId), 'version', versionSelect,
    link(`/modeler?processDefinitionKey=${definition.processDefinitionKey}`, 'Edit in modeler')));

  const canvas = h('div', { className: 'diagram', id: 'diagram' });
  root.append(canvas);
  let diagram: DiagramHandle | undefined;
  try {
    diagram = await showDiagram(canvas, await api.processDefinitionXml(definition.processDefinitionKey));
    const stats = await api.definitionElementStatistics(definition.processDefinitionKey);
    addBadges(diagram.viewer, statisticBadges(stats.items));
    canvas.dataset.overlays = 'ready';
  } catch (e) {
    canvas.after(errorBox(e));
  }

  const list = section('Instances');
  root.append(list);
  const filters = h('form', { className: 'inline', id: 'instance-filters' },
    h('label', {}, 'State ', h('select', { name: 'state' }, ['', 'ACTIVE', 'COMPLETED', 'TERMINATED'].map((s) => h('option', { value: s, selected: s === (query.get('state') ?? '') }, s || 'any')))),
    h('label', {}, h('input', { type: 'checkbox', name: 'hasIncident', checked: query.get('hasIncident') === 'true' }), ' with incident'),
    h('label', {}, 'Element ', h('select', { name: 'elementId' }, h('option', { value: '' }, 'any'),
      (diagram?.elementIds() ?? []).map((e) => h('option', { value: e.id, selected: e.id === query.get('elementId') }, e.name ? `${e.name} (${e.id})` : e.id)))),
    h('label', {}, 'Business id ', h('input', { name: 'businessId', value: query.get('businessId') ?? '', size: 14 })),
    h('label', {}, 'Started from ', h('input', { type: 'date', name: 'from', value: query.get('from') ?? '' })),
    h('label', {}, 'to ', h('input', { type: 'date', name: 'to', value: query.get('to') ?? '' })),
    h('button', { type: 'submit' }, 'Apply'));
  filters.addEventListener('submit', (e) => {
    e.preventDefault();
    const data = new FormData(filters as HTMLFormElement);
    const next = new URLSearchParams({ bpmnProcessId, version: String(definition.version) });
    for (const [k, v] of data) {
      if (v && k !== 'hasIncident') next.set(k, String(v));
    }
    if (data.get('hasIncident')) next.set('hasIncident', 'true');
    navigate(`/operate/processes?${next}`);
  });
  list.append(filters);
  const table = h('div', { id: 'instance-list' });
  list.append(table);

  const filter: Record<string, unknown> = { processDefinitionKey: definition.processDefinitionKey };
  if (query.get('state')) filter.state = query.get('state');
  if (query.get('hasIncident') === 'true') filter.hasIncident = true;
  if (query.get('elementId')) filter.elementId = query.get('elementId');
  if (query.get('businessId')) filter.businessId = query.get('businessId');
  const from = query.get('from'), to = query.get('to');
  if (from || to) {
    filter.startDate = { ...(from ? { $gte: `${from}T00:00:00.000Z` } : {}), ...(to ? { $lt: nextDay(to) } : {}) };
  }
  let offset = Number(query.get('from_') ?? 0);
  const load = async () => {
    table.replaceChildren(h('p', { className: 'loading' }, 'Loading…'));
    try {
      const result = await api.processInstances({ filter, page: { from: offset, limit: PAGE_SIZE }, sort: [{ field: 'startDate', order: 'DESC' }] });
      const total = result.page.totalItems;
      table.replaceChildren(
        h('table', {},
          h('thead', {}, h('tr', {}, h('th', {}, 'Instance'), h('th', {}, 'Business id'), h('th', {}, 'State'), h('th', {}, 'Version'), h('th', {}, 'Started'), h('th', {}, 'Ended'))),
          h('tbody', {}, result.items.map((i) => h('tr', { 'data-key': i.processInstanceKey },
            h('td', {}, link(`/operate/processes/${i.processInstanceKey}`, i.processInstanceKey)),
            h('td', {}, i.businessId ?? ''),
            h('td', {}, h('span', { className: `state-pill ${i.hasIncident ? 'state-incident' : `state-${i.state}`}` }, i.hasIncident ? 'INCIDENT' : i.state)),
            h('td', {}, `v${i.processDefinitionVersion}`),
            h('td', {}, formatDate(i.startDate)),
            h('td', {}, formatDate(i.endDate)))))),
        h('div', { className: 'pager' },
          h('button', { disabled: offset === 0, onClick: () => { offset = Math.max(0, offset - PAGE_SIZE); load(); } }, '‹ Previous'),
          h('span', { id: 'page-info' }, total === 0 ? 'No instances' : `${offset + 1}–${offset + result.items.length} of ${total}${result.page.hasMoreTotalItems ? '+' : ''}`),
          h('button', { disabled: offset + result.items.length >= total, onClick: () => { offset += PAGE_SIZE; load(); } }, 'Next ›')));
    } catch (e) {
      table.replaceChildren(errorBox(e));
    }
  };
  await load();
  return () => diagram?.destroy();
}

function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00.000Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString();
}
