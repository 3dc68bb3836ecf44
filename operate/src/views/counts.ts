import { Api, ApiError } from '../api/client';
import type { DefinitionVersionStatistics, ProcessDefinition } from '../api/types';

/**
 * Running / incident counts per definition version. Camunda 8.9 answers them in one call per
 * process (`/process-definitions/statistics/process-instances-by-version`); a server without that
 * endpoint is asked for instance totals instead (`totalItems` of a one-row search), so the
 * dashboard still works with only the search endpoints.
 */
export async function versionStatistics(api: Api, definitions: ProcessDefinition[]): Promise<DefinitionVersionStatistics[]> {
  const ids = [...new Set(definitions.map((d) => d.processDefinitionId))];
  try {
    const perId = await Promise.all(ids.map((id) => api.definitionVersionStatistics(id)));
    return perId.flatMap((r) => r.items);
  } catch (e) {
    if (!(e instanceof ApiError && e.unavailable)) {
      throw e;
    }
  }
  return Promise.all(
    definitions.map(async (d) => {
      const count = async (hasIncident: boolean) =>
        (await api.processInstances({ filter: { processDefinitionKey: d.processDefinitionKey, state: 'ACTIVE', hasIncident }, page: { limit: 1 } })).page.totalItems;
      const [withIncident, without] = await Promise.all([count(true), count(false)]);
      return {
        processDefinitionId: d.processDefinitionId, processDefinitionKey: d.processDefinitionKey, processDefinitionVersion: d.version,
        activeInstancesWithIncidentCount: withIncident, activeInstancesWithoutIncidentCount: without
      };
    })
  );
}

/** Every definition, newest versions first (paged through, the API caps a page). */
export async function allDefinitions(api: Api, filter: Record<string, unknown> = {}): Promise<ProcessDefinition[]> {
  const all: ProcessDefinition[] = [];
  for (let from = 0; from < 10_000; from += 500) {
    const page = await api.processDefinitions({ filter, page: { from, limit: 500 }, sort: [{ field: 'version', order: 'DESC' }] });
    all.push(...page.items);
    if (page.items.length < 500) {
      break;
    }
  }
  return all;
}
