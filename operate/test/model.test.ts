import { describe, expect, it } from 'vitest';
import { diffXml } from '../src/logic/diff';
import { lintXml } from '../src/lint/linter';
import { baseXml, complexGatewayXml, editedXml } from './fixtures';
import { newDiagramXml } from '../src/logic/platform';

describe('model diff', () => {
  it('lists added, removed and changed elements', async () => {
    const diff = await diffXml(baseXml, editedXml);
    expect(diff.added.map((e) => e.id)).toEqual(['Task_2']);
    expect(diff.removed).toEqual([]);
    expect(diff.changed.map((c) => c.after.id)).toEqual(['Task_1']);
    const back = await diffXml(editedXml, baseXml);
    expect(back.removed.map((e) => e.id)).toEqual(['Task_2']);
  });

  it('sees no change in an identical model', async () => {
    const diff = await diffXml(baseXml, baseXml);
    expect(diff).toEqual({ added: [], removed: [], changed: [] });
  });
});

describe('lint', () => {
  it('finds nothing wrong in a new diagram', async () => {
    const reports = await lintXml(newDiagramXml('fresh'));
    expect(reports.filter((r) => r.category === 'error')).toEqual([]);
  });

  it('reports what our engine does not support, on the element', async () => {
    const reports = await lintXml(complexGatewayXml);
    const ours = reports.filter((r) => r.rule === 'orderhub/no-unsupported-element');
    expect(ours.map((r) => [r.id, r.category])).toEqual([['Gateway_complex', 'error']]);
  });

  it('reports a Zeebe rule through @camunda/linting', async () => {
    const reports = await lintXml(baseXml.replace('<zeebe:taskDefinition type="work" />', ''));
    expect(reports.some((r) => r.id === 'Task_1' && r.category === 'error')).toBe(true);
  });
});
