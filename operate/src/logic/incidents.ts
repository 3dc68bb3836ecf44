import type { Incident } from '../api/types';

export interface IncidentGroup { errorType: string; processDefinitionId: string; incidents: Incident[] }

/** Open incidents grouped by error type, then process, biggest groups first. */
export function groupIncidents(incidents: Incident[]): IncidentGroup[] {
  const groups = new Map<string, IncidentGroup>();
  for (const incident of incidents) {
    if (incident.state === 'RESOLVED') {
      continue;
    }
    const processDefinitionId = incident.processDefinitionId ?? '?';
    const id = `${incident.errorType}\u0000${processDefinitionId}`;
    let group = groups.get(id);
    if (!group) {
      group = { errorType: incident.errorType, processDefinitionId, incidents: [] };
      groups.set(id, group);
    }
    group.incidents.push(incident);
  }
  return [...groups.values()].sort(
    (a, b) => b.incidents.length - a.incidents.length || a.errorType.localeCompare(b.errorType) || a.processDefinitionId.localeCompare(b.processDefinitionId)
  );
}

/** A job's retries must be positive for the retried job to be activated again. */
export function retriesToSet(requested: number | undefined): number {
  if (requested === undefined || !Number.isInteger(requested) || requested < 1) {
    return 1;
  }
  return requested;
}
