package io.orderhub.engine.gateway.rest;

import static io.orderhub.engine.gateway.rest.SearchSpec.Kind.BOOL;
import static io.orderhub.engine.gateway.rest.SearchSpec.Kind.DATE;
import static io.orderhub.engine.gateway.rest.SearchSpec.Kind.INT;
import static io.orderhub.engine.gateway.rest.SearchSpec.Kind.JSON_TEXT;
import static io.orderhub.engine.gateway.rest.SearchSpec.Kind.KEY;
import static io.orderhub.engine.gateway.rest.SearchSpec.Kind.STRING;

/** The read model's searchable entities, field by field as the 8.9 REST API names them. */
final class ReadModelSpecs {

  private ReadModelSpecs() {}

  static final SearchSpec PROCESS_DEFINITION =
      SearchSpec.on("process_definition")
          .key("processDefinitionKey", "process_definition_key")
          .column("processDefinitionId", "process_definition_id", STRING)
          .column("name", "name", STRING)
          .column("version", "version", INT)
          .column("versionTag", "version_tag", STRING)
          .column("resourceName", "resource_name", STRING)
          .column("tenantId", "tenant_id", STRING)
          .computed("hasStartForm", "1 = 0", BOOL)
          .build();

  static final SearchSpec PROCESS_INSTANCE =
      SearchSpec.on("process_instance")
          .key("processInstanceKey", "process_instance_key")
          .column("processDefinitionKey", "process_definition_key", KEY)
          .column("processDefinitionId", "process_definition_id", STRING)
          .column("processDefinitionName", "process_definition_name", STRING)
          .column("processDefinitionVersion", "process_definition_version", INT)
          .column("processDefinitionVersionTag", "process_definition_version_tag", STRING)
          .column("state", "state", STRING)
          .column("startDate", "start_date", DATE)
          .column("endDate", "end_date", DATE)
          .column("tenantId", "tenant_id", STRING)
          .column("parentProcessInstanceKey", "parent_process_instance_key", KEY)
          .column("parentElementInstanceKey", "parent_element_instance_key", KEY)
          .column("rootProcessInstanceKey", "root_process_instance_key", KEY)
          .column("businessId", "business_id", STRING)
          // kept by the exporter: an open incident of the instance or, for a root, of a callee
          .column("hasIncident", "has_incident", BOOL)
          .build();

  static final SearchSpec ELEMENT_INSTANCE =
      SearchSpec.on("element_instance")
          .key("elementInstanceKey", "element_instance_key")
          .column("processInstanceKey", "process_instance_key", KEY)
          .column("rootProcessInstanceKey", "root_process_instance_key", KEY)
          .column("processDefinitionKey", "process_definition_key", KEY)
          .column("processDefinitionId", "process_definition_id", STRING)
          .column("elementId", "element_id", STRING)
          .column("elementName", "element_name", STRING)
          .column("type", "type", STRING)
          .column("state", "state", STRING)
          .column("startDate", "start_date", DATE)
          .column("endDate", "end_date", DATE)
          .column("tenantId", "tenant_id", STRING)
          .filter("elementInstanceScopeKey", "flow_scope_key", KEY)
          .computed(
              "hasIncident",
              "EXISTS (SELECT 1 FROM incident i WHERE i.element_instance_key ="
                  + " t.element_instance_key AND i.state = 'ACTIVE')",
              BOOL)
          .computed(
              "incidentKey",
              "SELECT MIN(i.incident_key) FROM incident i WHERE i.element_instance_key ="
                  + " t.element_instance_key AND i.state = 'ACTIVE'",
              KEY)
          .build();

  static final SearchSpec INCIDENT =
      SearchSpec.on("incident")
          .key("incidentKey", "incident_key")
          .column("processDefinitionKey", "process_definition_key", KEY)
          .column("processDefinitionId", "process_definition_id", STRING)
          .column("processInstanceKey", "process_instance_key", KEY)
          .column("rootProcessInstanceKey", "root_process_instance_key", KEY)
          .column("elementInstanceKey", "element_instance_key", KEY)
          .column("elementId", "element_id", STRING)
          .column("jobKey", "job_key", KEY)
          .column("errorType", "error_type", STRING)
          .column("errorMessage", "error_message", STRING)
          .column("state", "state", STRING)
          .column("creationTime", "creation_time", DATE)
          .column("tenantId", "tenant_id", STRING)
          .build();

  static final SearchSpec VARIABLE =
      SearchSpec.on("variable")
          .key("variableKey", "variable_key")
          .column("name", "name", STRING)
          .column("value", "value_json", JSON_TEXT)
          .column("scopeKey", "scope_key", KEY)
          .column("processInstanceKey", "process_instance_key", KEY)
          .column("rootProcessInstanceKey", "root_process_instance_key", KEY)
          .column("tenantId", "tenant_id", STRING)
          .build();

  static final SearchSpec JOB =
      SearchSpec.on("job")
          .key("jobKey", "job_key")
          .column("type", "type", STRING)
          .column("worker", "worker", STRING)
          .column("state", "state", STRING)
          .column("kind", "kind", STRING)
          .column("retries", "retries", INT)
          .column("errorMessage", "error_message", STRING)
          .column("errorCode", "error_code", STRING)
          .column("deadline", "deadline", DATE)
          .column("elementId", "element_id", STRING)
          .column("elementInstanceKey", "element_instance_key", KEY)
          .column("processInstanceKey", "process_instance_key", KEY)
          .column("rootProcessInstanceKey", "root_process_instance_key", KEY)
          .column("processDefinitionKey", "process_definition_key", KEY)
          .column("processDefinitionId", "process_definition_id", STRING)
          .column("tenantId", "tenant_id", STRING)
          .column("creationTime", "creation_time", DATE)
          .column("lastUpdateTime", "last_update_time", DATE)
          .column("endTime", "end_time", DATE)
          .column("customHeaders", "custom_headers", JSON_TEXT)
          .computed(
              "hasFailedWithRetriesLeft",
              "CASE WHEN t.state = 'FAILED' AND t.retries > 0 THEN TRUE ELSE FALSE END",
              BOOL)
          .computed("isDenied", "1 = 0", BOOL)
          .computed("listenerEventType", "'UNSPECIFIED'", STRING)
          .build();

  static final SearchSpec DECISION_DEFINITION =
      SearchSpec.on("decision_definition")
          .key("decisionDefinitionKey", "decision_definition_key")
          .column("decisionDefinitionId", "decision_definition_id", STRING)
          .column("name", "name", STRING)
          .column("version", "version", INT)
          .filter("versionTag", "version_tag", STRING)
          .column("decisionRequirementsKey", "decision_requirements_key", KEY)
          .column("decisionRequirementsId", "decision_requirements_id", STRING)
          .column("tenantId", "tenant_id", STRING)
          .computed(
              "decisionRequirementsName",
              "SELECT r.name FROM decision_requirements r WHERE r.decision_requirements_key ="
                  + " t.decision_requirements_key",
              STRING)
          .computed(
              "decisionRequirementsVersion",
              "SELECT r.version FROM decision_requirements r WHERE r.decision_requirements_key ="
                  + " t.decision_requirements_key",
              INT)
          .build();

  static final SearchSpec DECISION_REQUIREMENTS =
      SearchSpec.on("decision_requirements")
          .key("decisionRequirementsKey", "decision_requirements_key")
          .column("decisionRequirementsId", "decision_requirements_id", STRING)
          .column("decisionRequirementsName", "name", STRING)
          .column("version", "version", INT)
          .column("resourceName", "resource_name", STRING)
          .column("tenantId", "tenant_id", STRING)
          .build();

  static final SearchSpec DECISION_INSTANCE =
      SearchSpec.on("decision_instance")
          .key("decisionEvaluationKey", "decision_evaluation_key")
          .column("decisionDefinitionKey", "decision_definition_key", KEY)
          .column("decisionDefinitionId", "decision_definition_id", STRING)
          .column("decisionDefinitionName", "decision_definition_name", STRING)
          .column("decisionDefinitionVersion", "decision_definition_version", INT)
          .column("processInstanceKey", "process_instance_key", KEY)
          .column("rootProcessInstanceKey", "root_process_instance_key", KEY)
          .column("processDefinitionKey", "process_definition_key", KEY)
          .column("elementInstanceKey", "element_instance_key", KEY)
          .column("state", "state", STRING)
          .column("evaluationDate", "evaluation_date", DATE)
          .column("evaluationFailure", "evaluation_failure", STRING)
          .column("result", "result_json", JSON_TEXT)
          .column("tenantId", "tenant_id", STRING)
          .column("rootDecisionDefinitionKey", "decision_definition_key", KEY)
          .computed("decisionDefinitionType", "'DECISION_TABLE'", STRING)
          .build();
}
