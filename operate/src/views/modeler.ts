import Modeler from 'bpmn-js/lib/Modeler';
import { BpmnPropertiesPanelModule, BpmnPropertiesProviderModule, ZeebePropertiesProviderModule } from 'bpmn-js-properties-panel';
import lintingModule from '@camunda/linting/modeler';
import zeebeModdle from 'zeebe-bpmn-moddle/resources/zeebe.json';
import modelerModdle from 'modeler-moddle/resources/modeler.json';
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn-embedded.css';
import '@bpmn-io/properties-panel/dist/assets/properties-panel.css';
import '@camunda/linting/assets/linting.css';
import { api, ApiError } from '../api/client';
import type { ProcessDefinition } from '../api/types';
import { errorBox, h, link, section } from '../dom';
import { describeElements, diffXml } from '../logic/diff';
import { defaultMapping, dryRunMigration } from '../logic/migration';
import { parseDeploymentProblems } from '../logic/deployErrors';
import { ensureExecutionPlatform, newDiagramXml } from '../logic/platform';
import { countByCategory, createLinter, type LintReport } from '../lint/linter';
import { navigate } from '../nav';
import { allDefinitions } from './counts';

/**
 * /modeler: bpmn-js with the Zeebe properties panel, @camunda/linting plus our own rules live on the
 * canvas, a diff against the deployed latest version and Deploy through POST /v2/deployments.
 */
export default async function modelerPage(root: HTMLElement, _p: Record<string, string>, query: URLSearchParams) {
  const definitions = await allDefinitions(api).catch(() => [] as ProcessDefinition[]);
  const latestById = new Map<string, ProcessDefinition>();
  definitions.forEach((d) => { if ((latestById.get(d.processDefinitionId)?.version ?? 0) < d.version) latestById.set(d.processDefinitionId, d); });

  const openSelect = h('select', { id: 'open-deployed' }, h('option', { value: '' }, 'Open deployed…'),
    definitions.map((d) => h('option', { value: d.processDefinitionKey }, `${d.processDefinitionId} v${d.version}${d.versionTag ? ` (${d.versionTag})` : ''}`))) as HTMLSelectElement;
  openSelect.addEventListener('change', () => openSelect.value && navigate(`/modeler?processDefinitionKey=${openSelect.value}`));
  const tagInput = h('input', { id: 'version-tag', placeholder: 'version tag', size: 10 }) as HTMLInputElement;
  const lintStatus = h('span', { id: 'lint-status', className: 'muted' }, 'Linting…');
  // the engine has the last word: an analyst may send a model with lint errors to see its verdict
  const deployAnyway = h('input', { type: 'checkbox', id: 'deploy-anyway' }) as HTMLInputElement;
  const toolbar = h('div', { className: 'toolbar' }, h('button', { id: 'new-diagram', onClick: () => navigate(`/modeler?new=${Date.now()}`) }, 'New diagram'),
    openSelect, h('span', { className: 'muted' }, '|'), 'Version tag', tagInput,
    h('button', { id: 'deploy', className: 'primary', onClick: () => deploy() }, 'Deploy'),
    h('label', {}, deployAnyway, ' despite lint errors'), lintStatus);
  const canvas = h('div', { className: 'modeler-canvas', id: 'canvas' });
  const properties = h('div', { className: 'properties', id: 'properties' });
  const deployOut = h('div', { id: 'deploy-result' });
  const lintList = h('ul', { className: 'plain', id: 'lint-list' });
  const diffBox = h('div', { id: 'diff' });
  root.append(h('h1', {}, 'Modeler'), toolbar, deployOut, h('div', { className: 'modeler-layout' }, canvas, properties),
    h('div', { className: 'grid' }, section('Problems', lintList), section('Changes against the deployed latest version', diffBox)));

  const modeler: any = new Modeler({
    container: canvas,
    propertiesPanel: { parent: properties },
    additionalModules: [BpmnPropertiesPanelModule, BpmnPropertiesProviderModule, ZeebePropertiesProviderModule, lintingModule],
    moddleExtensions: { zeebe: zeebeModdle, modeler: modelerModdle }
  });
  (window as any).__modeler = modeler; // lets the end-to-end test drive bpmn-js' API

  const key = query.get('processDefinitionKey');
  let xml: string;
  if (key) {
    xml = await api.processDefinitionXml(key);
    const opened = definitions.find((d) => d.processDefinitionKey === key);
    if (opened?.versionTag) tagInput.value = opened.versionTag;
  } else {
    xml = newDiagramXml();
  }
  await modeler.importXML(ensureExecutionPlatform(xml));
  modeler.get('canvas').zoom('fit-viewport', 'auto');
  modeler.get('linting').activate();

  const linter = createLinter();
  let reports: LintReport[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  const relint = async () => {
    reports = await linter.lint(modeler.getDefinitions());
    modeler.get('linting').setErrors(reports);
    const { errors, warnings } = countByCategory(reports);
    lintStatus.textContent = `${errors} error(s), ${warnings} warning(s)`;
    lintStatus.dataset.errors = String(errors);
    lintList.replaceChildren(...(reports.length ? reports.map((r) => h('li', { 'data-element': r.id, 'data-rule': r.rule, className: r.category === 'error' ? 'lint-error' : 'lint-warn' },
      h('strong', {}, r.id), `: ${r.message} `, h('span', { className: 'muted' }, `(${r.rule})`))) : [h('li', { className: 'muted' }, 'No problems')]));
    await showDiff();
  };
  const schedule = () => { clearTimeout(timer); timer = setTimeout(relint, 250); };
  modeler.on('commandStack.changed', schedule);

  async function currentProcessId(): Promise<string | undefined> {
    return modeler.getDefinitions().rootElements.find((e: any) => e.$type === 'bpmn:Process')?.id;
  }

  async function showDiff() {
    const id = await currentProcessId();
    const latest = id ? latestById.get(id) : undefined;
    if (!latest) {
      diffBox.replaceChildren(h('p', { className: 'muted' }, `Process "${id}" is not deployed yet: everything is new`));
      diffBox.dataset.state = 'new';
      return;
    }
    try {
      const [deployed, { xml: current }] = await Promise.all([api.processDefinitionXml(latest.processDefinitionKey), modeler.saveXML()]);
      const diff = await diffXml(deployed, current);
      const item = (cls: string, text: string) => h('li', { className: cls }, text);
      diffBox.dataset.state = 'ready';
      diffBox.replaceChildren(h('p', { className: 'muted' }, `Against ${latest.processDefinitionId} v${latest.version}`),
        diff.added.length + diff.removed.length + diff.changed.length === 0 ? h('p', { className: 'muted' }, 'No changes') :
          h('ul', { className: 'plain' },
            diff.added.map((e) => item('diff-added', `added ${e.type.replace('bpmn:', '')} ${e.id}`)),
            diff.removed.map((e) => item('diff-removed', `removed ${e.type.replace('bpmn:', '')} ${e.id}`)),
            diff.changed.map((c) => item('diff-changed', `changed ${c.after.type.replace('bpmn:', '')} ${c.after.id}`))));
    } catch (e) {
      diffBox.replaceChildren(errorBox(e));
    }
  }

  function setVersionTag(value: string) {
    const moddle = modeler.get('moddle');
    for (const process of modeler.getDefinitions().rootElements.filter((e: any) => e.$type === 'bpmn:Process')) {
      let ext = process.extensionElements;
      if (!ext) {
        ext = moddle.create('bpmn:ExtensionElements', { values: [] });
        ext.$parent = process;
        process.extensionElements = ext;
      }
      ext.values = (ext.values ?? []).filter((v: any) => v.$type !== 'zeebe:VersionTag');
      if (value) {
        const tag = moddle.create('zeebe:VersionTag', { value });
        tag.$parent = ext;
        ext.values.push(tag);
      }
    }
  }

  const overlays = modeler.get('overlays');
  async function deploy() {
    overlays.remove({ type: 'deploy-error' });
    deployOut.replaceChildren(h('p', {}, 'Deploying…'));
    if (reports.some((r) => r.category === 'error') && !deployAnyway.checked) {
      deployOut.replaceChildren(errorBox(`Fix the ${countByCategory(reports).errors} lint error(s) first: they are marked on the canvas`));
      return;
    }
    if (tagInput.value.trim()) setVersionTag(tagInput.value.trim());
    const { xml } = await modeler.saveXML({ format: true });
    const processId = (await currentProcessId()) ?? 'process';
    try {
      const result = await api.deploy(`${processId}.bpmn`, xml);
      const deployed = result.deployments.map((d) => d.processDefinition).filter((p): p is NonNullable<typeof p> => !!p);
      const mine = deployed.find((p) => p.processDefinitionId === processId) ?? deployed[0];
      // unknown (null) when the server has no search API: deploying must not fail over it
      const others = mine ? await instancesOnOlderVersions(mine.processDefinitionId, mine.processDefinitionKey).catch(() => null) : [];
      deployOut.replaceChildren(h('div', { className: 'success', id: 'deploy-success', 'data-version': mine?.processDefinitionVersion ?? '' },
        `Deployed ${deployed.map((p) => `${p.processDefinitionId} v${p.processDefinitionVersion}`).join(', ')}.`,
        others === null ? ' (Instances on older versions cannot be counted: the server offers no search.)' :
        others.length === 0 ? ' No instance runs on an older version.' :
          h('div', {}, 'Instances still on older versions: ', others.map((o) => h('span', {}, link(`/operate/processes?bpmnProcessId=${encodeURIComponent(o.processDefinitionId)}&version=${o.version}&state=ACTIVE`, `v${o.version}: ${o.active}`), ' ')))),
        others && others.length && mine ? await migrationPlans(others, mine.processDefinitionKey, mine.processDefinitionVersion, xml) : '');
      if (mine) {
        latestById.set(mine.processDefinitionId, { processDefinitionId: mine.processDefinitionId, processDefinitionKey: mine.processDefinitionKey, version: mine.processDefinitionVersion });
        await showDiff();
      }
    } catch (e) {
      if (e instanceof ApiError && e.status === 400) {
        showEngineProblems(e.detail);
      } else {
        deployOut.replaceChildren(errorBox(e));
      }
    }
  }

  function showEngineProblems(detail: string) {
    const problems = parseDeploymentProblems(detail);
    const registry = modeler.get('elementRegistry');
    deployOut.replaceChildren(h('div', { className: 'error', id: 'deploy-errors' }, h('strong', {}, 'The engine rejected the model:'),
      h('ul', { className: 'plain' }, problems.map((p) => h('li', { 'data-element': p.elementId ?? '' }, p.elementId ? `${p.elementId}: ${p.message}` : p.message)))));
    // one note per element, above it, so several problems of one element do not cover each other
    const byElement = new Map<string, string[]>();
    problems.forEach((p) => p.elementId && registry.get(p.elementId) && byElement.set(p.elementId, [...(byElement.get(p.elementId) ?? []), p.message]));
    for (const [elementId, messages] of byElement) {
      overlays.add(elementId, 'deploy-error', { position: { bottom: -6, left: 0 },
        html: h('div', { className: 'deploy-error-overlay', 'data-element': elementId }, messages.map((m) => h('div', {}, m))) });
    }
  }

  await relint();
  return () => modeler.destroy();
}

/**
 * For each older version with running instances: the default mapping (same id, same type), the
 * dry run over the elements that hold tokens there, and one button that migrates them all with a
 * batch operation. Nothing moves before the analyst clicks.
 */
async function migrationPlans(others: OlderVersion[], targetKey: string, targetVersion: number, targetXml: string): Promise<HTMLElement> {
  const target = [...(await describeElements(targetXml)).values()].filter((e) => e.type !== 'bpmn:Process' && e.type !== 'bpmn:SequenceFlow');
  const box = section('Migration plan for the instances on older versions');
  box.id = 'migration-plans';
  for (const older of others) {
    const source = [...(await describeElements(await api.processDefinitionXml(older.processDefinitionKey))).values()]
      .filter((e) => e.type !== 'bpmn:Process' && e.type !== 'bpmn:SequenceFlow');
    const active = (await api.definitionElementStatistics(older.processDefinitionKey)).items.filter((s) => s.active > 0 || s.incidents > 0).map((s) => s.elementId)
      .filter((id) => source.some((e) => e.id === id));
    const mapping = defaultMapping(source, target);
    const dry = dryRunMigration(active, mapping, source, target);
    const out = h('div', {});
    box.append(h('div', { className: 'plan', 'data-version': older.version },
      h('strong', {}, `v${older.version} → v${targetVersion}: ${older.active} running instance(s)`),
      h('ul', { className: 'plain' },
        dry.moves.map((m) => h('li', {}, `${m.sourceElementId} → ${m.targetElementId}`)),
        dry.unmapped.map((id) => h('li', { className: 'lint-error' }, `${id}: holds tokens but has no element of the same id and type in v${targetVersion}; migrate these instances one by one with a mapping`)),
        dry.typeMismatches.map((id) => h('li', { className: 'lint-error' }, `${id}: changed type in v${targetVersion}`))),
      h('button', { className: 'primary migrate-all', disabled: !dry.ok, onClick: async () => {
        try {
          const batch = await api.migrateBatch({ processDefinitionKey: older.processDefinitionKey, state: 'ACTIVE' }, targetKey, mapping);
          out.replaceChildren(h('div', { className: 'success batch-started' }, `Batch operation ${batch.batchOperationKey} migrates the instances of v${older.version}`));
        } catch (e) {
          out.replaceChildren(errorBox(e));
        }
      } }, `Migrate all v${older.version} instances to v${targetVersion}`), out));
  }
  return box;
}

interface OlderVersion { processDefinitionId: string; processDefinitionKey: string; version: number; active: number }

async function instancesOnOlderVersions(processDefinitionId: string, newKey: string): Promise<OlderVersion[]> {
  const versions = (await allDefinitions(api, { processDefinitionId })).filter((d) => d.processDefinitionKey !== newKey);
  const counts = await Promise.all(versions.map(async (d) => ({
    processDefinitionId, processDefinitionKey: d.processDefinitionKey, version: d.version,
    active: (await api.processInstances({ filter: { processDefinitionKey: d.processDefinitionKey, state: 'ACTIVE' }, page: { limit: 1 } }).catch(() => ({ page: { totalItems: 0 } }))).page.totalItems
  })));
  return counts.filter((c) => c.active > 0);
}
