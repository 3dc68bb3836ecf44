// JSON shapes of the Camunda 8.9 REST v2 API, as the Apache-2.0 Java client's
// io.camunda.client.protocol.rest.* model classes name them. Keys are strings (int64 as text).

export interface PageRequest { from?: number; limit?: number; after?: string; before?: string }
export interface PageResponse { totalItems: number; hasMoreTotalItems?: boolean; startCursor?: string; endCursor?: string }
export interface SearchResult<T> { items: T[]; page: PageResponse }
export interface SortRequest { field: string; order?: 'ASC' | 'DESC' }
export interface SearchQuery<F> { filter?: F; page?: PageRequest; sort?: SortRequest[] }

export interface ProcessDefinition {
  processDefinitionKey: string; processDefinitionId: string; name?: string; version: number;
  versionTag?: string; resourceName?: string; tenantId?: string;
}

export type ProcessInstanceState = 'ACTIVE' | 'COMPLETED' | 'TERMINATED';

export interface ProcessInstance {
  processInstanceKey: string; processDefinitionKey: string; processDefinitionId: string;
  processDefinitionName?: string; processDefinitionVersion: number; processDefinitionVersionTag?: string;
  startDate?: string; endDate?: string; state: ProcessInstanceState; hasIncident: boolean;
  tenantId?: string; parentProcessInstanceKey?: string; parentElementInstanceKey?: string;
  rootProcessInstanceKey?: string; tags?: string[]; businessId?: string;
}

export type ElementInstanceState = 'ACTIVE' | 'COMPLETED' | 'TERMINATED';

export interface ElementInstance {
  elementInstanceKey: string; processInstanceKey: string; processDefinitionKey?: string;
  processDefinitionId?: string; elementId: string; elementName?: string; type: string;
  state: ElementInstanceState; hasIncident?: boolean; incidentKey?: string;
  startDate?: string; endDate?: string;
  // not part of ElementInstanceResult: filled in by the history tree from the scope hierarchy
  elementInstanceScopeKey?: string;
}

export interface Incident {
  incidentKey: string; processDefinitionKey?: string; processDefinitionId?: string;
  processInstanceKey: string; elementInstanceKey?: string; elementId?: string; errorType: string;
  errorMessage?: string; creationTime?: string; state: 'ACTIVE' | 'MIGRATED' | 'PENDING' | 'RESOLVED';
  jobKey?: string; tenantId?: string;
}

export interface Variable {
  variableKey: string; name: string; value: string; scopeKey: string; processInstanceKey: string;
  isTruncated?: boolean; tenantId?: string;
}

export interface ElementStatistics { elementId: string; active: number; canceled: number; incidents: number; completed: number }

export interface SequenceFlow { sequenceFlowId: string; elementId?: string; processInstanceKey?: string }

export interface DefinitionInstanceStatistics {
  processDefinitionId: string; tenantId?: string; latestProcessDefinitionName?: string;
  hasMultipleVersions?: boolean; activeInstancesWithoutIncidentCount: number; activeInstancesWithIncidentCount: number;
}

export interface DefinitionVersionStatistics {
  processDefinitionId: string; processDefinitionKey: string; processDefinitionName?: string;
  processDefinitionVersion: number; activeInstancesWithoutIncidentCount: number; activeInstancesWithIncidentCount: number;
}

export interface DecisionDefinition {
  decisionDefinitionKey: string; decisionDefinitionId: string; name?: string; version: number;
  decisionRequirementsKey?: string; decisionRequirementsId?: string; decisionRequirementsName?: string;
}

export interface DecisionInstance {
  decisionEvaluationInstanceKey?: string; decisionEvaluationKey?: string; decisionDefinitionId: string;
  decisionDefinitionName?: string; decisionDefinitionVersion?: number; state?: string; evaluationDate?: string;
  processInstanceKey?: string; result?: string; evaluationFailure?: string;
}

export interface DeploymentResult {
  deploymentKey: string;
  deployments: Array<{ processDefinition?: { processDefinitionId: string; processDefinitionVersion: number; processDefinitionKey: string; resourceName?: string } }>;
}

export interface MappingInstruction { sourceElementId: string; targetElementId: string }
