import { api, ApiError } from '../api/client';
import type { Incident } from '../api/types';
import { errorBox, formatDate, h, link, section } from '../dom';
import { groupIncidents } from '../logic/incidents';
import { navigate } from '../nav';
import { waitFor } from './wait';

/** /operate/incidents: every open incident, grouped by error type and process, with bulk retry. */
export default async function incidents(root: HTMLElement) {
  root.append(h('h1', {}, 'Incidents'));
  const all: Incident[] = [];
  for (let from = 0; from < 10_000; from += 500) {
    const page = await api.incidents({ filter: { state: 'ACTIVE' }, page: { from, limit: 500 }, sort: [{ field: 'creationTime', order: 'DESC' }] });
    all.push(...page.items);
    if (page.items.length < 500) break;
  }
  const groups = groupIncidents(all);
  if (groups.length === 0) {
    root.append(h('p', { className: 'notice', id: 'no-incidents' }, 'No open incident'));
    return;
  }
  for (const group of groups) {
    const out = h('div', {});
    const box = section(`${group.errorType} in ${group.processDefinitionId} (${group.incidents.length})`,
      h('div', { className: 'toolbar' }, h('button', { className: 'primary retry-group', onClick: async () => {
        out.replaceChildren(h('p', {}, 'Retrying…'));
        try {
          // job retries first: a resolved job incident with no retries left would come straight back
          await Promise.all(group.incidents.filter((i) => i.jobKey).map((i) => api.updateJobRetries(i.jobKey!, 1)));
          const keys = [...new Set(group.incidents.map((i) => i.processInstanceKey))];
          try {
            const batch = await api.resolveIncidentsBatch({ processInstanceKey: { $in: keys } });
            out.replaceChildren(h('div', { className: 'success' }, `Batch operation ${batch.batchOperationKey} started for ${keys.length} instance(s)`));
          } catch (e) {
            if (!(e instanceof ApiError && e.unavailable)) throw e;
            // a server without batch operations: the same resolutions, one request each
            await Promise.all(group.incidents.map((i) => api.resolveIncident(i.incidentKey)));
            out.replaceChildren(h('div', { className: 'success' }, `Resolved ${group.incidents.length} incident(s) one by one (no batch operations on this server)`));
          }
          const incidentKeys = new Set(group.incidents.map((i) => i.incidentKey));
          await waitFor(async () => (await api.incidents({ filter: { state: 'ACTIVE', processInstanceKey: { $in: keys } }, page: { limit: 500 } })).items.every((i) => !incidentKeys.has(i.incidentKey)), 20_000);
          navigate('/operate/incidents');
        } catch (e) {
          out.replaceChildren(errorBox(e));
        }
      } }, `Retry all ${group.incidents.length}`)),
      out,
      h('table', {}, h('thead', {}, h('tr', {}, h('th', {}, 'Instance'), h('th', {}, 'Element'), h('th', {}, 'Message'), h('th', {}, 'Since'))),
        h('tbody', {}, group.incidents.map((i) => h('tr', { 'data-incident': i.incidentKey },
          h('td', {}, link(`/operate/processes/${i.processInstanceKey}`, i.processInstanceKey)),
          h('td', {}, i.elementId ?? ''), h('td', {}, i.errorMessage ?? ''), h('td', {}, formatDate(i.creationTime)))))));
    box.classList.add('incident-group');
    root.append(box);
  }
}
