import type {
  DecisionDefinition, DecisionInstance, DefinitionInstanceStatistics, DefinitionVersionStatistics,
  DeploymentResult, ElementInstance, ElementStatistics, Incident, MappingInstruction, ProcessDefinition,
  ProcessInstance, SearchQuery, SearchResult, SequenceFlow, Variable
} from './types';

/** An RFC 7807 answer of the API, kept whole so the UI can show `detail` and the status. */
export class ApiError extends Error {
  constructor(readonly status: number, readonly title: string, readonly detail: string, readonly path: string) {
    super(`${status} ${title}: ${detail}`);
  }

  /** The endpoint exists in Camunda 8.9 but this server does not serve it (yet). */
  get unavailable(): boolean {
    return this.status === 501 || this.status === 404;
  }
}

type Fetch = typeof fetch;

/**
 * The REST v2 client the UI uses. Nothing here is specific to Order Hub's engine, so the UI also
 * works against a Camunda 8.9 cluster's /v2.
 */
export class Api {
  constructor(private readonly base = '/v2', private readonly fetchFn: Fetch = (...a) => fetch(...a)) {}

  private async request<T>(method: string, path: string, body?: unknown, accept = 'application/json'): Promise<T> {
    const init: RequestInit = { method, headers: { Accept: accept } };
    if (body instanceof FormData) {
      init.body = body;
    } else if (body !== undefined) {
      init.body = JSON.stringify(body);
      (init.headers as Record<string, string>)['Content-Type'] = 'application/json';
    }
    const response = await this.fetchFn(this.base + path, init);
    const text = await response.text();
    if (!response.ok) {
      throw toApiError(response.status, text, path);
    }
    if (accept !== 'application/json') {
      return text as T;
    }
    return (text ? JSON.parse(text) : undefined) as T;
  }

  private search<T, F = Record<string, unknown>>(path: string, query: SearchQuery<F> = {}): Promise<SearchResult<T>> {
    return this.request<SearchResult<T>>('POST', path, query);
  }

  // process definitions
  processDefinitions(query: SearchQuery<Partial<ProcessDefinition>> = {}) {
    return this.search<ProcessDefinition>('/process-definitions/search', query);
  }
  processDefinitionXml(key: string) {
    return this.request<string>('GET', `/process-definitions/${enc(key)}/xml`, undefined, 'text/xml');
  }
  definitionElementStatistics(key: string, filter: Record<string, unknown> = {}) {
    return this.request<{ items: ElementStatistics[] }>('POST', `/process-definitions/${enc(key)}/statistics/element-instances`, { filter });
  }
  definitionInstanceStatistics() {
    return this.search<DefinitionInstanceStatistics>('/process-definitions/statistics/process-instances', {});
  }
  definitionVersionStatistics(processDefinitionId: string) {
    return this.search<DefinitionVersionStatistics>('/process-definitions/statistics/process-instances-by-version', { filter: { processDefinitionId } });
  }

  // process instances
  processInstances(query: SearchQuery<Record<string, unknown>>) {
    return this.search<ProcessInstance>('/process-instances/search', query);
  }
  processInstance(key: string) {
    return this.request<ProcessInstance>('GET', `/process-instances/${enc(key)}`);
  }
  sequenceFlows(key: string) {
    return this.request<{ items: SequenceFlow[] }>('GET', `/process-instances/${enc(key)}/sequence-flows`);
  }
  instanceElementStatistics(key: string) {
    return this.request<{ items: ElementStatistics[] }>('GET', `/process-instances/${enc(key)}/statistics/element-instances`);
  }
  createInstance(body: { processDefinitionId?: string; processDefinitionKey?: string; variables?: Record<string, unknown>; businessId?: string }) {
    return this.request<ProcessInstance>('POST', '/process-instances', body);
  }
  cancel(key: string) {
    return this.request<void>('POST', `/process-instances/${enc(key)}/cancellation`, {});
  }
  modify(key: string, body: { activateInstructions?: Array<{ elementId: string }>; terminateInstructions?: Array<{ elementInstanceKey?: string; elementId?: string }> }) {
    return this.request<void>('POST', `/process-instances/${enc(key)}/modification`, body);
  }
  migrate(key: string, targetProcessDefinitionKey: string, mappingInstructions: MappingInstruction[]) {
    return this.request<void>('POST', `/process-instances/${enc(key)}/migration`, { targetProcessDefinitionKey, mappingInstructions });
  }
  migrateBatch(filter: Record<string, unknown>, targetProcessDefinitionKey: string, mappingInstructions: MappingInstruction[]) {
    return this.request<{ batchOperationKey: string; batchOperationType: string }>('POST', '/process-instances/migration', { filter, migrationPlan: { targetProcessDefinitionKey, mappingInstructions } });
  }
  resolveIncidentsBatch(filter: Record<string, unknown>) {
    return this.request<{ batchOperationKey: string; batchOperationType: string }>('POST', '/process-instances/incident-resolution', { filter });
  }

  // element instances, variables, incidents, jobs
  elementInstances(query: SearchQuery<Record<string, unknown>>) {
    return this.search<ElementInstance>('/element-instances/search', query);
  }
  variables(query: SearchQuery<Record<string, unknown>>) {
    return this.search<Variable>('/variables/search', query);
  }
  setVariables(elementInstanceKey: string, variables: Record<string, unknown>, local = true) {
    return this.request<void>('PUT', `/element-instances/${enc(elementInstanceKey)}/variables`, { variables, local });
  }
  incidents(query: SearchQuery<Record<string, unknown>>) {
    return this.search<Incident>('/incidents/search', query);
  }
  incidentStatisticsByError() {
    return this.search<{ errorHashCode: number; errorMessage: string; activeInstancesWithErrorCount: number }>('/incidents/statistics/process-instances-by-error', {});
  }
  updateJobRetries(jobKey: string, retries: number) {
    return this.request<void>('PATCH', `/jobs/${enc(jobKey)}`, { changeset: { retries } });
  }
  resolveIncident(incidentKey: string) {
    return this.request<void>('POST', `/incidents/${enc(incidentKey)}/resolution`, {});
  }

  // decisions
  decisionDefinitions(query: SearchQuery<Record<string, unknown>> = {}) {
    return this.search<DecisionDefinition>('/decision-definitions/search', query);
  }
  decisionDefinitionXml(key: string) {
    return this.request<string>('GET', `/decision-definitions/${enc(key)}/xml`, undefined, 'text/xml');
  }
  decisionInstances(query: SearchQuery<Record<string, unknown>> = {}) {
    return this.search<DecisionInstance>('/decision-instances/search', query);
  }

  // deployments
  deploy(fileName: string, xml: string) {
    const form = new FormData();
    form.append('resources', new Blob([xml], { type: 'application/xml' }), fileName);
    return this.request<DeploymentResult>('POST', '/deployments', form);
  }
}

function enc(key: string): string {
  return encodeURIComponent(key);
}

export function toApiError(status: number, text: string, path: string): ApiError {
  try {
    const problem = JSON.parse(text);
    return new ApiError(status, problem.title ?? 'Error', problem.detail ?? text, path);
  } catch {
    return new ApiError(status, 'Error', text || `HTTP ${status}`, path);
  }
}

export const api = new Api();
