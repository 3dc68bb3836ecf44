import { api, ApiError } from '../api/client';
import type { ElementInstance, Incident, ProcessDefinition, ProcessInstance, Variable } from '../api/types';
import { errorBox, formatDate, h, link, section } from '../dom';
import { retriesToSet } from '../logic/incidents';
import { defaultMapping, dryRunMigration } from '../logic/migration';
import { instanceHighlights } from '../logic/overlays';
import { parseVariableValue, validateVariableName } from '../logic/variables';
import { navigate } from '../nav';
import { allDefinitions } from './counts';
import { flowElements, highlight, showDiagram, type DiagramHandle } from './diagram';

const CONTAINERS = new Set(['SUB_PROCESS', 'EVENT_SUB_PROCESS', 'MULTI_INSTANCE_BODY', 'AD_HOC_SUB_PROCESS']);

/** /operate/processes/{processInstanceKey}: one instance, and what an operator can do to it. */
export default async function instancePage(root: HTMLElement, params: Record<string, string>) {
  const key = params.key;
  const instance = await api.processInstance(key);
  const [elements, incidents] = await Promise.all([
    api.elementInstances({ filter: { processInstanceKey: key }, page: { limit: 1000 }, sort: [{ field: 'startDate', order: 'ASC' }] }).then((r) => r.items),
    api.incidents({ filter: { processInstanceKey: key, state: 'ACTIVE' }, page: { limit: 200 } }).then((r) => r.items)
  ]);
  const reload = () => navigate(location.pathname);

  root.append(header(instance, incidents.length));
  const actions = h('div', { className: 'toolbar', id: 'instance-actions' });
  const actionPanel = h('div', { id: 'action-panel' });
  root.append(actions, actionPanel);

  const canvas = h('div', { className: 'diagram', id: 'diagram' });
  root.append(canvas);
  let diagram: DiagramHandle | undefined;
  try {
    diagram = await showDiagram(canvas, await api.processDefinitionXml(instance.processDefinitionKey));
    const flows = await api.sequenceFlows(key).then((r) => r.items.map((f) => f.sequenceFlowId)).catch(() => [] as string[]);
    highlight(diagram.viewer, instanceHighlights(elements, incidents), flows);
    canvas.dataset.highlights = 'ready';
  } catch (e) {
    canvas.after(errorBox(e));
  }

  if (instance.state === 'ACTIVE') {
    actions.append(
      h('button', { id: 'cancel-instance', className: 'danger', onClick: () => cancelPanel(actionPanel, instance, reload) }, 'Cancel'),
      h('button', { id: 'modify-instance', onClick: () => modifyPanel(actionPanel, instance, elements, diagram, reload) }, 'Modify'),
      h('button', { id: 'migrate-instance', onClick: () => migratePanel(actionPanel, instance, elements, diagram, reload) }, 'Migrate'));
  }

  root.append(incidentsSection(incidents, reload));
  const variablesBox = h('div', { id: 'variables' });
  const tree = historyTree(instance, elements, (scopeKey, label) => showVariables(variablesBox, instance, scopeKey, label));
  root.append(h('div', { className: 'grid' }, section('History', tree), section('Variables', variablesBox)));
  await showVariables(variablesBox, instance, key, instance.processDefinitionId);
  return () => diagram?.destroy();
}

function header(instance: ProcessInstance, openIncidents: number): HTMLElement {
  const state = instance.hasIncident || openIncidents > 0 ? 'INCIDENT' : instance.state;
  return h('div', { className: 'panel', id: 'instance-header' },
    h('h1', {}, `Instance ${instance.processInstanceKey}`),
    h('table', {}, h('tbody', {},
      h('tr', {}, h('th', {}, 'Process'), h('td', {}, link(`/operate/processes?bpmnProcessId=${encodeURIComponent(instance.processDefinitionId)}&version=${instance.processDefinitionVersion}`,
        `${instance.processDefinitionName || instance.processDefinitionId} v${instance.processDefinitionVersion}`), instance.processDefinitionVersionTag ? ` (${instance.processDefinitionVersionTag})` : '')),
      h('tr', {}, h('th', {}, 'Business id'), h('td', { id: 'business-id' }, instance.businessId ?? '—')),
      h('tr', {}, h('th', {}, 'State'), h('td', {}, h('span', { id: 'instance-state', className: `state-pill ${state === 'INCIDENT' ? 'state-incident' : `state-${state}`}` }, state))),
      h('tr', {}, h('th', {}, 'Started'), h('td', {}, formatDate(instance.startDate), instance.endDate ? ` — ended ${formatDate(instance.endDate)}` : '')),
      instance.parentProcessInstanceKey
        ? h('tr', {}, h('th', {}, 'Called by'), h('td', {}, link(`/operate/processes/${instance.parentProcessInstanceKey}`, instance.parentProcessInstanceKey)))
        : null,
      instance.tags?.length ? h('tr', {}, h('th', {}, 'Tags'), h('td', {}, instance.tags.join(', '))) : null)));
}

function incidentsSection(incidents: Incident[], reload: () => void): HTMLElement {
  const box = section('Incidents');
  box.id = 'incidents';
  if (incidents.length === 0) {
    box.append(h('p', { className: 'muted' }, 'No open incident'));
    return box;
  }
  for (const incident of incidents) {
    const status = h('span', {});
    box.append(h('div', { className: 'error incident', 'data-incident': incident.incidentKey },
      h('strong', {}, `${incident.errorType} at ${incident.elementId ?? '?'}`), h('div', {}, incident.errorMessage ?? ''),
      h('button', { className: 'retry', onClick: async () => {
        status.textContent = ' retrying…';
        try {
          await retryIncident(incident);
          await waitForIncidentGone(incident.incidentKey);
          reload();
        } catch (e) {
          status.replaceChildren(errorBox(e));
        }
      } }, 'Retry'), status));
  }
  return box;
}

/** A job incident needs retries back on the job before the resolution lets the job be activated again. */
export async function retryIncident(incident: Incident) {
  if (incident.jobKey) {
    await api.updateJobRetries(incident.jobKey, retriesToSet(1));
  }
  await api.resolveIncident(incident.incidentKey);
}

function historyTree(instance: ProcessInstance, elements: ElementInstance[], select: (scopeKey: string, label: string) => void): HTMLElement {
  const tree = h('div', { className: 'tree', id: 'history-tree' });
  const rootItem = node(instance.processInstanceKey, `${instance.processDefinitionName || instance.processDefinitionId}`, instance.state, 'PROCESS');
  const list = h('ul', {}, rootItem);
  tree.append(list);
  const flat = elements.filter((e) => e.type !== 'PROCESS');

  function node(key: string, label: string, state: string, type: string, hasIncident = false): HTMLElement {
    const li = h('li', { 'data-key': key, 'data-type': type });
    const title = h('span', { className: 'node', onClick: () => {
      tree.querySelectorAll('.selected').forEach((n) => n.classList.remove('selected'));
      li.classList.add('selected');
      select(key, label);
    } }, label, ' ', h('span', { className: `state-pill ${hasIncident ? 'state-incident' : `state-${state}`}` }, hasIncident ? 'INCIDENT' : state));
    li.append(title);
    return li;
  }

  // Children are asked per scope (elementInstanceScopeKey), as Operate does; a server that does not
  // filter by scope gets the flat list under the process instead.
  async function expand(parentLi: HTMLElement, scopeKey: string, depth: number) {
    let children: ElementInstance[];
    try {
      children = (await api.elementInstances({ filter: { processInstanceKey: instance.processInstanceKey, elementInstanceScopeKey: scopeKey }, page: { limit: 1000 }, sort: [{ field: 'startDate', order: 'ASC' }] })).items;
    } catch {
      children = depth === 0 ? flat : [];
    }
    children = children.filter((c) => c.elementInstanceKey !== scopeKey && c.type !== 'PROCESS');
    if (depth === 0 && children.length === flat.length && flat.length > 0 && children.every((c, i) => c === flat[i])) {
      // fallback list already
    }
    const ul = h('ul', {});
    parentLi.append(ul);
    for (const child of children) {
      const li = node(child.elementInstanceKey, child.elementName || child.elementId, child.state, child.type, child.hasIncident);
      ul.append(li);
      if (CONTAINERS.has(child.type) && depth < 8) {
        await expand(li, child.elementInstanceKey, depth + 1);
      }
      if (child.type === 'CALL_ACTIVITY') {
        api.processInstances({ filter: { parentElementInstanceKey: child.elementInstanceKey }, page: { limit: 50 } })
          .then((called) => called.items.forEach((c) => li.append(h('div', { className: 'called' }, '↳ ', link(`/operate/processes/${c.processInstanceKey}`, `${c.processDefinitionId} ${c.processInstanceKey}`)))))
          .catch(() => undefined);
      }
    }
  }
  rootItem.classList.add('selected');
  expand(rootItem, instance.processInstanceKey, 0);
  return tree;
}

async function showVariables(box: HTMLElement, instance: ProcessInstance, scopeKey: string, label: string) {
  box.replaceChildren(h('p', { className: 'loading' }, 'Loading…'));
  let variables: Variable[];
  try {
    variables = (await api.variables({ filter: { processInstanceKey: instance.processInstanceKey, scopeKey }, page: { limit: 1000 }, sort: [{ field: 'name', order: 'ASC' }] })).items;
  } catch (e) {
    box.replaceChildren(errorBox(e));
    return;
  }
  const editable = instance.state === 'ACTIVE';
  const refresh = () => showVariables(box, instance, scopeKey, label);
  const message = h('div', {});
  const rows = variables.map((v) => {
    const valueCell = h('td', { className: 'value' }, h('code', {}, v.value), v.isTruncated ? h('span', { className: 'muted' }, ' (truncated)') : '');
    const edit = h('button', { className: 'edit', onClick: () => {
      const input = h('textarea', { rows: 2, cols: 30, className: 'edit-value' }, v.value) as HTMLTextAreaElement;
      valueCell.replaceChildren(input, h('button', { className: 'primary save', onClick: async () => {
        const parsed = parseVariableValue(input.value);
        if (!parsed.ok) {
          message.replaceChildren(errorBox(parsed.error));
          return;
        }
        await save({ [v.name]: parsed.value });
      } }, 'Save'));
    } }, 'Edit');
    return h('tr', { 'data-variable': v.name }, h('td', {}, v.name), valueCell, h('td', {}, editable && !v.isTruncated ? edit : ''));
  });
  async function save(values: Record<string, unknown>) {
    try {
      await api.setVariables(scopeKey, values, true);
      message.replaceChildren(h('div', { className: 'success' }, `Saved ${Object.keys(values).join(', ')}`));
      const { waitFor } = await import('./wait');
      const [name, value] = Object.entries(values)[0];
      await waitFor(async () => {
        const found = (await api.variables({ filter: { processInstanceKey: instance.processInstanceKey, scopeKey, name }, page: { limit: 1 } })).items[0];
        return found && JSON.stringify(JSON.parse(found.value)) === JSON.stringify(value);
      });
      refresh();
    } catch (e) {
      message.replaceChildren(errorBox(e));
    }
  }
  const nameInput = h('input', { name: 'name', placeholder: 'name', size: 12 }) as HTMLInputElement;
  const valueInput = h('input', { name: 'value', placeholder: 'JSON value', size: 18 }) as HTMLInputElement;
  const add = h('form', { className: 'inline', id: 'add-variable' }, nameInput, valueInput, h('button', { type: 'submit' }, 'Add'));
  add.addEventListener('submit', async (e) => {
    e.preventDefault();
    const nameError = validateVariableName(nameInput.value);
    const parsed = parseVariableValue(valueInput.value);
    if (nameError || !parsed.ok) {
      message.replaceChildren(errorBox(nameError ?? (parsed as { error: string }).error));
      return;
    }
    await save({ [nameInput.value]: parsed.value });
  });
  box.replaceChildren(
    h('p', { className: 'muted' }, `Scope: ${label} (${scopeKey})`),
    variables.length ? h('table', {}, h('thead', {}, h('tr', {}, h('th', {}, 'Name'), h('th', {}, 'Value'), h('th', {}, ''))), h('tbody', {}, rows)) : h('p', { className: 'muted' }, 'No variables in this scope'),
    editable ? add : '', message);
}

function cancelPanel(panel: HTMLElement, instance: ProcessInstance, reload: () => void) {
  const out = h('div', {});
  panel.replaceChildren(section('Cancel instance', h('p', {}, `Cancel ${instance.processInstanceKey}? Its active elements are terminated; this cannot be undone.`),
    h('button', { id: 'confirm-cancel', className: 'danger', onClick: async () => {
      try {
        await api.cancel(instance.processInstanceKey);
        await waitForState(instance.processInstanceKey, (i) => i.state !== 'ACTIVE');
        reload();
      } catch (e) {
        out.replaceChildren(errorBox(e));
      }
    } }, 'Cancel instance'), out));
}

function modifyPanel(panel: HTMLElement, instance: ProcessInstance, elements: ElementInstance[], diagram: DiagramHandle | undefined, reload: () => void) {
  const active = elements.filter((e) => e.state === 'ACTIVE' && e.type !== 'PROCESS');
  const terminate = h('select', { id: 'modify-terminate' }, h('option', { value: '' }, '— none —'),
    active.map((e) => h('option', { value: e.elementInstanceKey }, `${e.elementName || e.elementId} (${e.elementInstanceKey})`)));
  const activate = h('select', { id: 'modify-activate' }, h('option', { value: '' }, '— none —'),
    (diagram ? flowElements(diagram.viewer) : []).map((e) => h('option', { value: e.id }, e.name ? `${e.name} (${e.id})` : e.id)));
  const out = h('div', {});
  panel.replaceChildren(section('Modify instance (move a token)', h('div', { className: 'toolbar' }, 'Terminate', terminate, 'Activate', activate,
    h('button', { id: 'apply-modify', className: 'primary', onClick: async () => {
      const t = (terminate as HTMLSelectElement).value, a = (activate as HTMLSelectElement).value;
      if (!t && !a) {
        out.replaceChildren(errorBox('Pick an element instance to terminate and/or an element to activate'));
        return;
      }
      try {
        await api.modify(instance.processInstanceKey, {
          ...(a ? { activateInstructions: [{ elementId: a }] } : {}),
          ...(t ? { terminateInstructions: [{ elementInstanceKey: t }] } : {})
        });
        out.replaceChildren(h('div', { className: 'success' }, 'Modification applied'));
        reload();
      } catch (e) {
        out.replaceChildren(errorBox(e));
      }
    } }, 'Apply')), out));
}

async function migratePanel(panel: HTMLElement, instance: ProcessInstance, elements: ElementInstance[], diagram: DiagramHandle | undefined, reload: () => void) {
  const out = h('div', {});
  const body = h('div', {});
  panel.replaceChildren(section('Migrate instance', body, out));
  const versions = (await allDefinitions(api, { processDefinitionId: instance.processDefinitionId })).filter((d) => d.processDefinitionKey !== instance.processDefinitionKey);
  if (versions.length === 0) {
    body.append(h('p', { className: 'muted' }, 'No other version of this process is deployed'));
    return;
  }
  const source = diagram ? flowElements(diagram.viewer) : [];
  const activeIds = elements.filter((e) => e.state === 'ACTIVE' && e.type !== 'PROCESS' && e.type !== 'MULTI_INSTANCE_BODY').map((e) => e.elementId);
  const select = h('select', { id: 'migrate-target' }, versions.map((d) => h('option', { value: d.processDefinitionKey }, `v${d.version}${d.versionTag ? ` (${d.versionTag})` : ''}`))) as HTMLSelectElement;
  const plan = h('div', { id: 'migration-plan' });
  body.append(h('div', { className: 'toolbar' }, 'Target version', select), plan);
  const showPlan = async () => {
    const target: ProcessDefinition = versions.find((d) => d.processDefinitionKey === select.value)!;
    const targetElements = await elementsOf(await api.processDefinitionXml(target.processDefinitionKey));
    const mapping = defaultMapping(source, targetElements);
    const selects = source.filter((s) => activeIds.includes(s.id)).map((s) => {
      const sel = h('select', { 'data-source': s.id }, h('option', { value: '' }, '— unmapped —'),
        targetElements.filter((t) => t.type === s.type).map((t) => h('option', { value: t.id, selected: mapping.some((m) => m.sourceElementId === s.id && m.targetElementId === t.id) }, t.name ? `${t.name} (${t.id})` : t.id))) as HTMLSelectElement;
      return { source: s, sel };
    });
    const dry = h('div', { id: 'dry-run' });
    const current = () => selects.filter((s) => s.sel.value).map((s) => ({ sourceElementId: s.source.id, targetElementId: s.sel.value }));
    const runDry = () => {
      const result = dryRunMigration(activeIds, current(), source, targetElements);
      dry.replaceChildren(h('div', { className: result.ok ? 'success' : 'error' },
        h('strong', {}, 'Dry run: '), result.ok ? `the instance moves to v${target.version}` : 'the migration would be rejected',
        h('ul', { className: 'plain' },
          result.moves.map((m) => h('li', {}, `${m.sourceElementId} → ${m.targetElementId}`)),
          result.unmapped.map((id) => h('li', {}, `${id}: active but not mapped`)),
          result.typeMismatches.map((id) => h('li', {}, `${id}: mapped to an element of another type`)))),
        h('button', { id: 'confirm-migrate', className: 'primary', disabled: !result.ok, onClick: async () => {
          try {
            await api.migrate(instance.processInstanceKey, target.processDefinitionKey, current());
            await waitForState(instance.processInstanceKey, (i) => i.processDefinitionKey === target.processDefinitionKey);
            reload();
          } catch (e) {
            out.replaceChildren(errorBox(e));
          }
        } }, `Migrate to v${target.version}`));
    };
    selects.forEach((s) => s.sel.addEventListener('change', runDry));
    plan.replaceChildren(
      h('table', {}, h('thead', {}, h('tr', {}, h('th', {}, 'Active element'), h('th', {}, 'Target element'))),
        h('tbody', {}, selects.map((s) => h('tr', {}, h('td', {}, s.source.id), h('td', {}, s.sel))))), dry);
    runDry();
  };
  select.addEventListener('change', showPlan);
  await showPlan();
}

async function elementsOf(xml: string) {
  const { describeElements } = await import('../logic/diff');
  return [...(await describeElements(xml)).values()].filter((e) => e.type !== 'bpmn:Process' && e.type !== 'bpmn:SequenceFlow');
}

async function waitForState(key: string, done: (i: ProcessInstance) => boolean) {
  const { waitFor } = await import('./wait');
  await waitFor(async () => {
    try {
      return done(await api.processInstance(key));
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) return false;
      throw e;
    }
  });
}

export async function waitForIncidentGone(incidentKey: string) {
  const { waitFor } = await import('./wait');
  await waitFor(async () => (await api.incidents({ filter: { incidentKey, state: 'ACTIVE' }, page: { limit: 1 } })).items.length === 0);
}
