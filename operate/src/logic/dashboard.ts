import type { DefinitionVersionStatistics, ProcessDefinition } from '../api/types';

export interface VersionRow {
  version: number; processDefinitionKey: string; versionTag?: string; running: number; incidents: number;
}

export interface ProcessRow {
  processDefinitionId: string; name: string; latestVersion: number; running: number; incidents: number;
  versions: VersionRow[];
}

/**
 * One row per process id with its versions newest first. `running` counts active instances with
 * and without incidents, as Operate's dashboard does; versions without instances show zeros.
 */
export function dashboardRows(definitions: ProcessDefinition[], stats: DefinitionVersionStatistics[]): ProcessRow[] {
  const statsByKey = new Map(stats.map((s) => [s.processDefinitionKey, s]));
  const byId = new Map<string, ProcessRow>();
  for (const definition of definitions) {
    const s = statsByKey.get(definition.processDefinitionKey);
    const incidents = s?.activeInstancesWithIncidentCount ?? 0;
    const running = (s?.activeInstancesWithoutIncidentCount ?? 0) + incidents;
    let row = byId.get(definition.processDefinitionId);
    if (!row) {
      row = { processDefinitionId: definition.processDefinitionId, name: definition.name || definition.processDefinitionId, latestVersion: 0, running: 0, incidents: 0, versions: [] };
      byId.set(definition.processDefinitionId, row);
    }
    row.versions.push({ version: definition.version, processDefinitionKey: definition.processDefinitionKey, versionTag: definition.versionTag, running, incidents });
    row.running += running;
    row.incidents += incidents;
    if (definition.version > row.latestVersion) {
      row.latestVersion = definition.version;
      row.name = definition.name || definition.processDefinitionId;
    }
  }
  const rows = [...byId.values()];
  rows.forEach((r) => r.versions.sort((a, b) => b.version - a.version));
  return rows.sort((a, b) => a.processDefinitionId.localeCompare(b.processDefinitionId));
}
