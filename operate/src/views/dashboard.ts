import { api } from '../api/client';
import { dashboardRows } from '../logic/dashboard';
import { parseSearch } from '../logic/search';
import { errorBox, h, link, section } from '../dom';
import { navigate } from '../nav';
import { allDefinitions, versionStatistics } from './counts';

export default async function dashboard(root: HTMLElement, _params: Record<string, string>, query: URLSearchParams) {
  const searchResult = h('div', { id: 'search-result' });
  const input = h('input', { id: 'instance-search', type: 'search', placeholder: 'Process instance key or business id (order id)', size: 48 }) as HTMLInputElement;
  const form = h('form', { className: 'inline', onSubmit: (e: Event) => { e.preventDefault(); find(input.value, searchResult); } },
    input, h('button', { type: 'submit', className: 'primary' }, 'Find'));
  root.append(h('h1', {}, 'Operate'), section('Find an instance', form, searchResult));
  // /operate?search=<order id> is the link other systems (the order API) give to an order's process
  const preset = query.get('search');
  if (preset) {
    input.value = preset;
    // replace, not push: Back from the instance must not land here and search again
    await find(preset, searchResult, true);
    if (location.pathname.startsWith('/operate/processes/')) {
      return;
    }
  }

  const table = section('Processes');
  root.append(table);
  try {
    const definitions = await allDefinitions(api);
    const stats = await versionStatistics(api, definitions);
    const rows = dashboardRows(definitions, stats);
    if (rows.length === 0) {
      table.append(h('p', { className: 'muted' }, 'No process deployed yet. ', link('/modeler', 'Open the modeler'), ' to deploy one.'));
      return;
    }
    table.append(
      h('table', { id: 'process-table' },
        h('thead', {}, h('tr', {}, h('th', {}, 'Process'), h('th', {}, 'Version'), h('th', {}, 'Tag'), h('th', { className: 'num' }, 'Running'), h('th', { className: 'num' }, 'Incidents'))),
        h('tbody', {}, rows.flatMap((row) =>
          row.versions.map((v, i) =>
            h('tr', { 'data-process': row.processDefinitionId, 'data-version': v.version },
              h('td', {}, i === 0 ? [link(`/operate/processes?bpmnProcessId=${encodeURIComponent(row.processDefinitionId)}`, row.name), ' ', h('span', { className: 'muted' }, row.processDefinitionId)] : ''),
              h('td', {}, link(`/operate/processes?bpmnProcessId=${encodeURIComponent(row.processDefinitionId)}&version=${v.version}`, `v${v.version}`)),
              h('td', {}, v.versionTag ?? ''),
              h('td', { className: 'num running' }, v.running),
              h('td', { className: 'num incidents' }, v.incidents))))))
    );
  } catch (e) {
    table.append(errorBox(e));
  }
}

async function find(text: string, out: HTMLElement, replace = false) {
  const target = parseSearch(text);
  out.replaceChildren();
  try {
    if (target.kind === 'empty') {
      return;
    }
    if (target.kind === 'key') {
      const byKey = await api.processInstances({ filter: { processInstanceKey: target.key }, page: { limit: 1 } });
      if (byKey.items.length) {
        navigate(`/operate/processes/${byKey.items[0].processInstanceKey}`, replace);
        return;
      }
    }
    const businessId = target.kind === 'key' ? target.key : target.businessId;
    const found = await api.processInstances({ filter: { businessId }, page: { limit: 50 }, sort: [{ field: 'startDate', order: 'DESC' }] });
    if (found.items.length === 1) {
      navigate(`/operate/processes/${found.items[0].processInstanceKey}`, replace);
    } else if (found.items.length === 0) {
      out.append(h('p', { className: 'notice' }, `No instance with key or business id "${text.trim()}"`));
    } else {
      out.append(h('ul', { className: 'plain' }, found.items.map((i) =>
        h('li', {}, link(`/operate/processes/${i.processInstanceKey}`, i.processInstanceKey), ` ${i.processDefinitionId} v${i.processDefinitionVersion} ${i.state}`))));
    }
  } catch (e) {
    out.append(errorBox(e));
  }
}
