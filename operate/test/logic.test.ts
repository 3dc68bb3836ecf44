import { describe, expect, it } from 'vitest';
import { parseSearch } from '../src/logic/search';
import { dashboardRows } from '../src/logic/dashboard';
import { instanceHighlights, statisticBadges } from '../src/logic/overlays';
import { parseDeploymentProblems } from '../src/logic/deployErrors';
import { groupIncidents, retriesToSet } from '../src/logic/incidents';
import { parseVariableValue, validateVariableName } from '../src/logic/variables';
import { defaultMapping, dryRunMigration } from '../src/logic/migration';
import { ensureExecutionPlatform } from '../src/logic/platform';
import type { ElementInstance, Incident } from '../src/api/types';

describe('search box', () => {
  it('reads digits as an instance key and anything else as a business id', () => {
    expect(parseSearch(' 2251799813685249 ')).toEqual({ kind: 'key', key: '2251799813685249' });
    expect(parseSearch('order-42')).toEqual({ kind: 'businessId', businessId: 'order-42' });
    expect(parseSearch('99999999999999999999')).toEqual({ kind: 'businessId', businessId: '99999999999999999999' });
    expect(parseSearch('   ')).toEqual({ kind: 'empty' });
  });
});

describe('dashboard rows', () => {
  it('sums running (with and without incident) per version and per process, newest version first', () => {
    const rows = dashboardRows(
      [
        { processDefinitionKey: '1', processDefinitionId: 'order', version: 1, name: 'Order' },
        { processDefinitionKey: '2', processDefinitionId: 'order', version: 2, name: 'Order v2', versionTag: 'v2' },
        { processDefinitionKey: '3', processDefinitionId: 'alpha', version: 1 }
      ],
      [
        { processDefinitionId: 'order', processDefinitionKey: '1', processDefinitionVersion: 1, activeInstancesWithoutIncidentCount: 3, activeInstancesWithIncidentCount: 1 },
        { processDefinitionId: 'order', processDefinitionKey: '2', processDefinitionVersion: 2, activeInstancesWithoutIncidentCount: 5, activeInstancesWithIncidentCount: 0 }
      ]
    );
    expect(rows.map((r) => r.processDefinitionId)).toEqual(['alpha', 'order']);
    const order = rows[1];
    expect(order).toMatchObject({ name: 'Order v2', latestVersion: 2, running: 9, incidents: 1 });
    expect(order.versions.map((v) => [v.version, v.running, v.incidents, v.versionTag])).toEqual([
      [2, 5, 0, 'v2'],
      [1, 4, 1, undefined]
    ]);
    expect(rows[0]).toMatchObject({ name: 'alpha', running: 0, incidents: 0 });
  });
});

describe('diagram overlays', () => {
  it('makes one badge per non-zero state', () => {
    expect(statisticBadges([{ elementId: 'Task_1', active: 2, canceled: 0, incidents: 1, completed: 0 }])).toEqual([
      { elementId: 'Task_1', kind: 'active', count: 2 },
      { elementId: 'Task_1', kind: 'incidents', count: 1 }
    ]);
  });

  it('colours an element by its most urgent state', () => {
    const e = (elementId: string, state: ElementInstance['state'], hasIncident = false): ElementInstance => ({
      elementInstanceKey: elementId + state, processInstanceKey: '1', elementId, type: 'SERVICE_TASK', state, hasIncident
    });
    const incidents: Incident[] = [{ incidentKey: '9', processInstanceKey: '1', elementId: 'C', errorType: 'JOB_NO_RETRIES', state: 'ACTIVE' }];
    const h = instanceHighlights([e('A', 'COMPLETED'), e('A', 'ACTIVE'), e('B', 'COMPLETED'), e('C', 'ACTIVE'), e('D', 'TERMINATED'), e('E', 'ACTIVE', true)], incidents);
    expect(Object.fromEntries(h)).toEqual({ A: 'active', B: 'completed', C: 'incident', D: 'terminated', E: 'incident' });
  });
});

describe('deployment problems', () => {
  it('reads the element of each engine validation error', () => {
    const detail = "Command 'CREATE' rejected with code 'INVALID_ARGUMENT': Expected to deploy new resources, but encountered the following errors:\n'order.bpmn':\n- Element: Task_1\n    - ERROR: Must have exactly one 'zeebe:taskDefinition' extension element\n- Element: Gateway_1\n    - ERROR: complex gateways are not supported\n";
    expect(parseDeploymentProblems(detail)).toEqual([
      { elementId: 'Task_1', message: "Must have exactly one 'zeebe:taskDefinition' extension element" },
      { elementId: 'Gateway_1', message: 'complex gateways are not supported' }
    ]);
  });

  it('keeps a message without an element as a diagram-wide problem', () => {
    expect(parseDeploymentProblems('not valid BPMN XML')).toEqual([{ elementId: null, message: 'not valid BPMN XML' }]);
    expect(parseDeploymentProblems("- Element: resource\n    - ERROR: contains no executable process")).toEqual([
      { elementId: null, message: 'contains no executable process' }
    ]);
  });
});

describe('incidents', () => {
  it('groups open incidents by error type and process, biggest first', () => {
    const i = (k: string, errorType: string, processDefinitionId: string, state: Incident['state'] = 'ACTIVE'): Incident => ({ incidentKey: k, processInstanceKey: k, errorType, processDefinitionId, state });
    const groups = groupIncidents([i('1', 'JOB_NO_RETRIES', 'a'), i('2', 'IO_MAPPING_ERROR', 'a'), i('3', 'JOB_NO_RETRIES', 'a'), i('4', 'JOB_NO_RETRIES', 'b'), i('5', 'JOB_NO_RETRIES', 'b', 'RESOLVED')]);
    expect(groups.map((g) => [g.errorType, g.processDefinitionId, g.incidents.length])).toEqual([
      ['JOB_NO_RETRIES', 'a', 2],
      ['IO_MAPPING_ERROR', 'a', 1],
      ['JOB_NO_RETRIES', 'b', 1]
    ]);
  });

  it('never sets retries below one', () => {
    expect(retriesToSet(undefined)).toBe(1);
    expect(retriesToSet(0)).toBe(1);
    expect(retriesToSet(3)).toBe(3);
  });
});

describe('variables', () => {
  it('takes JSON values only', () => {
    expect(parseVariableValue('"paid"')).toEqual({ ok: true, value: 'paid' });
    expect(parseVariableValue('{"a":[1,2]}')).toEqual({ ok: true, value: { a: [1, 2] } });
    const bad = parseVariableValue('paid');
    expect(bad.ok).toBe(false);
    expect(parseVariableValue(' ').ok).toBe(false);
    expect(validateVariableName('order_total')).toBeNull();
    expect(validateVariableName('1x')).toMatch(/starts with a letter/);
  });
});

describe('migration dry run', () => {
  const source = [{ id: 'Task_1', type: 'bpmn:ServiceTask' }, { id: 'Wait', type: 'bpmn:ReceiveTask' }];
  const target = [{ id: 'Task_1', type: 'bpmn:ServiceTask' }, { id: 'Wait', type: 'bpmn:UserTask' }];

  it('maps same ids of the same type by default', () => {
    expect(defaultMapping(source, target)).toEqual([{ sourceElementId: 'Task_1', targetElementId: 'Task_1' }]);
  });

  it('names active elements left unmapped or mapped to another type', () => {
    const dry = dryRunMigration(['Task_1', 'Wait'], [{ sourceElementId: 'Task_1', targetElementId: 'Task_1' }], source, target);
    expect(dry).toEqual({ ok: false, moves: [{ sourceElementId: 'Task_1', targetElementId: 'Task_1' }], unmapped: ['Wait'], typeMismatches: [] });
    const typed = dryRunMigration(['Wait'], [{ sourceElementId: 'Wait', targetElementId: 'Wait' }], source, target);
    expect(typed.typeMismatches).toEqual(['Wait']);
    expect(dryRunMigration(['Task_1'], defaultMapping(source, target), source, target).ok).toBe(true);
  });
});

describe('execution platform', () => {
  it('adds Camunda Cloud to a diagram without one and leaves others alone', () => {
    const xml = '<?xml version="1.0"?><bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d"><bpmn:process id="p"/></bpmn:definitions>';
    const out = ensureExecutionPlatform(xml);
    expect(out).toContain('xmlns:modeler="http://camunda.org/schema/modeler/1.0"');
    expect(out).toContain('modeler:executionPlatform="Camunda Cloud"');
    expect(ensureExecutionPlatform(out)).toBe(out);
  });
});
