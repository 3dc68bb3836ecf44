package io.orderhub.engine.gateway.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderhub.engine.security.ResourceType;
import io.orderhub.engine.security.ResourceType.Permission;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The permission each REST route needs, in Camunda's terms. A route missing from this table is
 * refused to everyone but an unrestricted caller, so a new route cannot slip through unguarded.
 */
final class RouteAccess {

  /** What a route asks of its caller; a null type means any authenticated caller may use it. */
  record Requirement(
      ResourceType type,
      Permission permission,
      Function<RestRequest, String> resourceId,
      String filterField) {

    static final Requirement AUTHENTICATED = new Requirement(null, null, r -> "*", null);

    Requirement(
        ResourceType type, Permission permission, Function<RestRequest, String> resourceId) {
      this(type, permission, resourceId, null);
    }

    /**
     * A search: a caller holding the permission on some resources only gets its filter narrowed to
     * them on {@link #filterField}, instead of a refusal.
     */
    boolean narrowsSearch() {
      return filterField != null;
    }

    String resourceIdOf(RestRequest request) {
      String id = resourceId.apply(request);
      return id == null ? "*" : id;
    }
  }

  private static final Map<String, Requirement> RULES = new HashMap<>();

  static {
    authenticated("GET", "/v2/topology");
    authenticated("GET", "/v2/status");
    authenticated("GET", "/v2/authentication/me");

    on("POST", "/v2/deployments", ResourceType.RESOURCE, Permission.CREATE);
    on(
        "POST",
        "/v2/process-instances",
        ResourceType.PROCESS_DEFINITION,
        Permission.CREATE_PROCESS_INSTANCE,
        r -> bodyText(r, "processDefinitionId"));
    on(
        "POST",
        "/v2/conditionals/evaluation",
        ResourceType.PROCESS_DEFINITION,
        Permission.CREATE_PROCESS_INSTANCE);
    // a signal may start instances of any process with a matching signal start event
    on(
        "POST",
        "/v2/signals/broadcast",
        ResourceType.PROCESS_DEFINITION,
        Permission.CREATE_PROCESS_INSTANCE);
    on(
        "POST",
        "/v2/process-instances/{processInstanceKey}/cancellation",
        ResourceType.PROCESS_DEFINITION,
        Permission.CANCEL_PROCESS_INSTANCE);
    on(
        "POST",
        "/v2/process-instances/{processInstanceKey}/modification",
        ResourceType.PROCESS_DEFINITION,
        Permission.MODIFY_PROCESS_INSTANCE);
    on(
        "POST",
        "/v2/process-instances/{processInstanceKey}/migration",
        ResourceType.PROCESS_DEFINITION,
        Permission.UPDATE_PROCESS_INSTANCE);
    on(
        "POST",
        "/v2/incidents/{incidentKey}/resolution",
        ResourceType.PROCESS_DEFINITION,
        Permission.UPDATE_PROCESS_INSTANCE);
    on(
        "PUT",
        "/v2/element-instances/{elementInstanceKey}/variables",
        ResourceType.PROCESS_DEFINITION,
        Permission.UPDATE_PROCESS_INSTANCE);
    // workers: Camunda authorizes job work as updating the job's process instance
    for (String job :
        new String[] {
          "/v2/jobs/activation",
          "/v2/jobs/{jobKey}/completion",
          "/v2/jobs/{jobKey}/failure",
          "/v2/jobs/{jobKey}/error"
        }) {
      on("POST", job, ResourceType.PROCESS_DEFINITION, Permission.UPDATE_PROCESS_INSTANCE);
    }
    on(
        "PATCH",
        "/v2/jobs/{jobKey}",
        ResourceType.PROCESS_DEFINITION,
        Permission.UPDATE_PROCESS_INSTANCE);
    on(
        "POST",
        "/v2/messages/publication",
        ResourceType.MESSAGE,
        Permission.CREATE,
        r -> bodyText(r, "name"));
    on(
        "POST",
        "/v2/decision-definitions/evaluation",
        ResourceType.DECISION_DEFINITION,
        Permission.CREATE_DECISION_INSTANCE,
        r -> bodyText(r, "decisionDefinitionId"));

    on(
        "POST",
        "/v2/process-instances/cancellation",
        ResourceType.BATCH,
        Permission.CREATE_BATCH_OPERATION_CANCEL_PROCESS_INSTANCE);
    on(
        "POST",
        "/v2/process-instances/incident-resolution",
        ResourceType.BATCH,
        Permission.CREATE_BATCH_OPERATION_RESOLVE_INCIDENT);
    on(
        "POST",
        "/v2/process-instances/migration",
        ResourceType.BATCH,
        Permission.CREATE_BATCH_OPERATION_MIGRATE_PROCESS_INSTANCE);
    on("POST", "/v2/batch-operations/search", ResourceType.BATCH, Permission.READ);
    on("GET", "/v2/batch-operations/{batchOperationKey}", ResourceType.BATCH, Permission.READ);
    on("POST", "/v2/batch-operation-items/search", ResourceType.BATCH, Permission.READ);

    searchOn(
        "/v2/process-definitions/search",
        ResourceType.PROCESS_DEFINITION,
        Permission.READ_PROCESS_DEFINITION,
        "processDefinitionId");
    for (String search :
        new String[] {
          "/v2/process-instances/search",
          "/v2/element-instances/search",
          "/v2/incidents/search",
          "/v2/jobs/search"
        }) {
      searchOn(
          search,
          ResourceType.PROCESS_DEFINITION,
          Permission.READ_PROCESS_INSTANCE,
          "processDefinitionId");
    }
    searchOn(
        "/v2/decision-definitions/search",
        ResourceType.DECISION_DEFINITION,
        Permission.READ_DECISION_DEFINITION,
        "decisionDefinitionId");
    searchOn(
        "/v2/decision-instances/search",
        ResourceType.DECISION_DEFINITION,
        Permission.READ_DECISION_INSTANCE,
        "decisionDefinitionId");
    for (String read :
        new String[] {
          "GET /v2/process-definitions/{processDefinitionKey}",
          "GET /v2/process-definitions/{processDefinitionKey}/xml",
          "POST /v2/process-definitions/{processDefinitionKey}/statistics/element-instances"
        }) {
      on(read, ResourceType.PROCESS_DEFINITION, Permission.READ_PROCESS_DEFINITION);
    }
    for (String read :
        new String[] {
          "GET /v2/process-instances/{processInstanceKey}",
          "GET /v2/process-instances/{processInstanceKey}/sequence-flows",
          "GET /v2/process-instances/{processInstanceKey}/statistics/element-instances",
          "GET /v2/process-instances/{processInstanceKey}/call-hierarchy",
          "POST /v2/process-instances/{processInstanceKey}/incidents/search",
          "GET /v2/element-instances/{elementInstanceKey}",
          "POST /v2/element-instances/{elementInstanceKey}/incidents/search",
          "GET /v2/incidents/{incidentKey}",
          "POST /v2/variables/search",
          "GET /v2/variables/{variableKey}",
          "POST /v2/jobs/statistics/by-types"
        }) {
      on(read, ResourceType.PROCESS_DEFINITION, Permission.READ_PROCESS_INSTANCE);
    }
    on(
        "GET /v2/decision-definitions/{decisionDefinitionKey}",
        ResourceType.DECISION_DEFINITION,
        Permission.READ_DECISION_DEFINITION);
    on(
        "GET /v2/decision-definitions/{decisionDefinitionKey}/xml",
        ResourceType.DECISION_DEFINITION,
        Permission.READ_DECISION_DEFINITION);
    on(
        "POST /v2/decision-requirements/search",
        ResourceType.DECISION_REQUIREMENTS_DEFINITION,
        Permission.READ);
    on(
        "GET /v2/decision-requirements/{decisionRequirementsKey}",
        ResourceType.DECISION_REQUIREMENTS_DEFINITION,
        Permission.READ);
    on(
        "GET /v2/decision-requirements/{decisionRequirementsKey}/xml",
        ResourceType.DECISION_REQUIREMENTS_DEFINITION,
        Permission.READ);
    on(
        "GET /v2/decision-instances/{decisionEvaluationInstanceKey}",
        ResourceType.DECISION_DEFINITION,
        Permission.READ_DECISION_INSTANCE);

    // identity management (IdentityRoutes)
    identity("users", "{username}", ResourceType.USER);
    identity("roles", "{roleId}", ResourceType.ROLE);
    identity("groups", "{groupId}", ResourceType.GROUP);
    identity("mapping-rules", "{mappingRuleId}", ResourceType.MAPPING_RULE);
    identity("authorizations", "{authorizationKey}", ResourceType.AUTHORIZATION);
    for (String member :
        new String[] {
          "users/{username}",
          "groups/{groupId}",
          "clients/{clientId}",
          "mapping-rules/{mappingRuleId}"
        }) {
      on("PUT", "/v2/roles/{roleId}/" + member, ResourceType.ROLE, Permission.UPDATE);
      on("DELETE", "/v2/roles/{roleId}/" + member, ResourceType.ROLE, Permission.UPDATE);
    }
    on("POST", "/v2/roles/{roleId}/users/search", ResourceType.ROLE, Permission.READ);
    on("PUT", "/v2/groups/{groupId}/users/{username}", ResourceType.GROUP, Permission.UPDATE);
    on("DELETE", "/v2/groups/{groupId}/users/{username}", ResourceType.GROUP, Permission.UPDATE);
  }

  private RouteAccess() {}

  /** The route's requirement, or null when the table lacks it (refused). */
  static Requirement of(Route route) {
    return RULES.get(route.method() + " " + route.path().template());
  }

  private static void identity(String plural, String id, ResourceType type) {
    on("POST", "/v2/" + plural, type, Permission.CREATE);
    on("POST", "/v2/" + plural + "/search", type, Permission.READ);
    on("GET", "/v2/" + plural + "/" + id, type, Permission.READ);
    on("PUT", "/v2/" + plural + "/" + id, type, Permission.UPDATE);
    on("DELETE", "/v2/" + plural + "/" + id, type, Permission.DELETE);
  }

  private static void searchOn(
      String template, ResourceType type, Permission permission, String filterField) {
    RULES.put("POST " + template, new Requirement(type, permission, r -> "*", filterField));
  }

  private static void authenticated(String method, String template) {
    RULES.put(method + " " + template, Requirement.AUTHENTICATED);
  }

  private static void on(String methodAndTemplate, ResourceType type, Permission permission) {
    RULES.put(methodAndTemplate, new Requirement(type, permission, r -> "*"));
  }

  private static void on(String method, String template, ResourceType type, Permission permission) {
    on(method, template, type, permission, r -> "*");
  }

  private static void on(
      String method,
      String template,
      ResourceType type,
      Permission permission,
      Function<RestRequest, String> resourceId) {
    RULES.put(method + " " + template, new Requirement(type, permission, resourceId));
  }

  /** A top-level text field of a JSON body; a body that is no JSON object names no resource. */
  private static String bodyText(RestRequest request, String field) {
    try {
      JsonNode node = request.jsonTree().get(field);
      return node != null && node.isTextual() ? node.asText() : null;
    } catch (RuntimeException e) {
      return null; // the handler reports the malformed body, once authorized for any resource
    }
  }
}
