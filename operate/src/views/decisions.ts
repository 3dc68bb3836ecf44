import { api } from '../api/client';
import { errorBox, formatDate, h, link, section } from '../dom';
import 'dmn-js/dist/assets/diagram-js.css';
import 'dmn-js/dist/assets/dmn-js-shared.css';
import 'dmn-js/dist/assets/dmn-js-drd.css';
import 'dmn-js/dist/assets/dmn-js-decision-table.css';
import 'dmn-js/dist/assets/dmn-js-literal-expression.css';
import 'dmn-js/dist/assets/dmn-font/css/dmn-embedded.css';

/** /operate/decisions: decision definitions (drawn by dmn-js) and their evaluations. */
export default async function decisions(root: HTMLElement, _p: Record<string, string>, query: URLSearchParams) {
  root.append(h('h1', {}, 'Decisions'));
  const definitions = (await api.decisionDefinitions({ page: { limit: 500 }, sort: [{ field: 'decisionDefinitionId', order: 'ASC' }] })).items;
  if (definitions.length === 0) {
    root.append(h('p', { className: 'notice' }, 'No decision deployed'));
    return;
  }
  const selectedKey = query.get('decisionDefinitionKey') ?? definitions[0].decisionDefinitionKey;
  root.append(section('Decision definitions', h('ul', { className: 'plain', id: 'decision-list' }, definitions.map((d) =>
    h('li', {}, link(`/operate/decisions?decisionDefinitionKey=${d.decisionDefinitionKey}`, `${d.name || d.decisionDefinitionId} v${d.version}`),
      d.decisionDefinitionKey === selectedKey ? ' ◀' : '')))));
  const selected = definitions.find((d) => d.decisionDefinitionKey === selectedKey) ?? definitions[0];
  const canvas = h('div', { className: 'diagram', id: 'dmn' });
  root.append(canvas);
  let viewer: any;
  try {
    const { default: DmnViewer } = await import('dmn-js/lib/NavigatedViewer');
    viewer = new DmnViewer({ container: canvas });
    await viewer.importXML(await api.decisionDefinitionXml(selected.decisionDefinitionKey));
    const view = viewer.getViews().find((v: any) => v.element.id === selected.decisionDefinitionId);
    if (view) await viewer.open(view);
  } catch (e) {
    canvas.after(errorBox(e));
  }
  const evaluations = section('Evaluations');
  root.append(evaluations);
  try {
    const items = (await api.decisionInstances({ filter: { decisionDefinitionKey: selected.decisionDefinitionKey }, page: { limit: 50 }, sort: [{ field: 'evaluationDate', order: 'DESC' }] })).items;
    evaluations.append(items.length === 0 ? h('p', { className: 'muted' }, 'No evaluation yet') :
      h('table', {}, h('thead', {}, h('tr', {}, h('th', {}, 'Evaluated'), h('th', {}, 'State'), h('th', {}, 'Instance'), h('th', {}, 'Result'))),
        h('tbody', {}, items.map((i) => h('tr', {}, h('td', {}, formatDate(i.evaluationDate)), h('td', {}, i.state ?? ''),
          h('td', {}, i.processInstanceKey ? link(`/operate/processes/${i.processInstanceKey}`, i.processInstanceKey) : ''),
          h('td', {}, h('code', {}, i.result ?? i.evaluationFailure ?? '')))))));
  } catch (e) {
    evaluations.append(errorBox(e));
  }
  return () => viewer?.destroy();
}
