package io.orderhub.engine.gateway.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.orderhub.engine.gateway.rest.SearchSpec.Kind;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The REST v2 read side over the read model: searches ({@code POST .../search}), gets by key,
 * definitions' XML, statistics and the call hierarchy, in the 8.9 client's JSON shapes.
 */
final class SearchRoutes {

  /** Camunda truncates variable values in search results beyond this many characters. */
  static final int VARIABLE_TRUNCATION = 8191;

  private static final ObjectMapper JSON = new ObjectMapper();

  private SearchRoutes() {}

  static List<Route> routes(ReadModelQueries queries) {
    List<Route> routes = new ArrayList<>();
    // process definitions
    routes.add(
        Route.post(
            "/v2/process-definitions/search",
            r ->
                json(
                    queries.search(
                        ReadModelSpecs.PROCESS_DEFINITION,
                        r.jsonTree(),
                        Map.of("isLatestVersion", SearchRoutes::latestVersionFilter),
                        null,
                        null))));
    routes.add(
        Route.get(
            "/v2/process-definitions/{processDefinitionKey}",
            r ->
                json(
                    queries.get(
                        ReadModelSpecs.PROCESS_DEFINITION,
                        "Process definition",
                        r.pathKey("processDefinitionKey")))));
    routes.add(
        Route.get(
            "/v2/process-definitions/{processDefinitionKey}/xml",
            r ->
                xml(
                    queries,
                    "SELECT bpmn_xml FROM process_definition WHERE process_definition_key = ?",
                    "Process definition",
                    r.pathKey("processDefinitionKey"))));
    routes.add(
        Route.post(
            "/v2/process-definitions/{processDefinitionKey}/statistics/element-instances",
            r -> {
              long key = r.pathKey("processDefinitionKey");
              queries.get(ReadModelSpecs.PROCESS_DEFINITION, "Process definition", key);
              SqlSearch instances = new SqlSearch(ReadModelSpecs.PROCESS_INSTANCE, piFilters());
              instances.filter(r.jsonTree().get("filter"), "filter");
              return json(
                  Map.of(
                      "items",
                      ElementStatistics.query(
                          queries,
                          "t.process_definition_key = ?",
                          key,
                          instances.where.toString(),
                          instances.params)));
            }));
    // process instances
    routes.add(
        Route.post(
            "/v2/process-instances/search",
            r ->
                json(
                    queries.search(
                        ReadModelSpecs.PROCESS_INSTANCE,
                        r.jsonTree(),
                        piFilters(),
                        null,
                        rows -> addTags(queries, rows)))));
    routes.add(
        Route.get(
            "/v2/process-instances/{processInstanceKey}",
            r -> {
              Map<String, Object> instance =
                  queries.get(
                      ReadModelSpecs.PROCESS_INSTANCE,
                      "Process instance",
                      r.pathKey("processInstanceKey"));
              addTags(queries, List.of(instance));
              return json(instance);
            }));
    routes.add(
        Route.get(
            "/v2/process-instances/{processInstanceKey}/sequence-flows",
            r -> json(Map.of("items", sequenceFlows(queries, r.pathKey("processInstanceKey"))))));
    routes.add(
        Route.get(
            "/v2/process-instances/{processInstanceKey}/statistics/element-instances",
            r -> {
              long key = r.pathKey("processInstanceKey");
              queries.get(ReadModelSpecs.PROCESS_INSTANCE, "Process instance", key);
              return json(
                  Map.of(
                      "items",
                      ElementStatistics.query(
                          queries, "t.process_instance_key = ?", key, "", List.of())));
            }));
    routes.add(
        Route.get(
            "/v2/process-instances/{processInstanceKey}/call-hierarchy",
            r -> json(callHierarchy(queries, r.pathKey("processInstanceKey")))));
    routes.add(
        Route.post(
            "/v2/process-instances/{processInstanceKey}/incidents/search",
            r -> {
              long key = r.pathKey("processInstanceKey");
              return json(
                  queries.search(
                      ReadModelSpecs.INCIDENT,
                      r.jsonTree(),
                      Map.of(),
                      s ->
                          s.and(
                              "(t.process_instance_key = ? OR t.root_process_instance_key = ?)",
                              key,
                              key),
                      null));
            }));
    // element instances
    routes.add(
        Route.post(
            "/v2/element-instances/search",
            r ->
                json(
                    queries.search(
                        ReadModelSpecs.ELEMENT_INSTANCE, r.jsonTree(), Map.of(), null, null))));
    routes.add(
        Route.get(
            "/v2/element-instances/{elementInstanceKey}",
            r ->
                json(
                    queries.get(
                        ReadModelSpecs.ELEMENT_INSTANCE,
                        "Element instance",
                        r.pathKey("elementInstanceKey")))));
    routes.add(
        Route.post(
            "/v2/element-instances/{elementInstanceKey}/incidents/search",
            r -> {
              long key = r.pathKey("elementInstanceKey");
              return json(
                  queries.search(
                      ReadModelSpecs.INCIDENT,
                      r.jsonTree(),
                      Map.of(),
                      s -> s.and("t.element_instance_key = ?", key),
                      null));
            }));
    // incidents
    routes.add(
        Route.post(
            "/v2/incidents/search",
            r ->
                json(queries.search(ReadModelSpecs.INCIDENT, r.jsonTree(), Map.of(), null, null))));
    routes.add(
        Route.get(
            "/v2/incidents/{incidentKey}",
            r -> json(queries.get(ReadModelSpecs.INCIDENT, "Incident", r.pathKey("incidentKey")))));
    // variables
    routes.add(
        Route.post(
            "/v2/variables/search",
            r -> {
              boolean truncate = !"false".equalsIgnoreCase(r.queryParam("truncateValues"));
              return json(
                  queries.search(
                      ReadModelSpecs.VARIABLE,
                      r.jsonTree(),
                      Map.of("isTruncated", (value, search) -> {}),
                      null,
                      rows -> truncate(rows, truncate)));
            }));
    routes.add(
        Route.get(
            "/v2/variables/{variableKey}",
            r -> json(queries.get(ReadModelSpecs.VARIABLE, "Variable", r.pathKey("variableKey")))));
    // jobs
    routes.add(
        Route.post(
            "/v2/jobs/search",
            r ->
                json(
                    queries.search(
                        ReadModelSpecs.JOB,
                        r.jsonTree(),
                        Map.of(),
                        null,
                        SearchRoutes::parseHeaders))));
    routes.add(
        Route.post(
            "/v2/jobs/statistics/by-types",
            r -> json(JobStatistics.byTypes(queries, r.jsonTree()))));
    // decisions
    routes.add(
        Route.post(
            "/v2/decision-definitions/search",
            r ->
                json(
                    queries.search(
                        ReadModelSpecs.DECISION_DEFINITION,
                        r.jsonTree(),
                        Map.of("isLatestVersion", SearchRoutes::latestDecisionFilter),
                        null,
                        null))));
    routes.add(
        Route.get(
            "/v2/decision-definitions/{decisionDefinitionKey}",
            r ->
                json(
                    queries.get(
                        ReadModelSpecs.DECISION_DEFINITION,
                        "Decision definition",
                        r.pathKey("decisionDefinitionKey")))));
    routes.add(
        Route.get(
            "/v2/decision-definitions/{decisionDefinitionKey}/xml",
            r ->
                xml(
                    queries,
                    "SELECT r.dmn_xml FROM decision_definition d JOIN decision_requirements r ON"
                        + " r.decision_requirements_key = d.decision_requirements_key WHERE"
                        + " d.decision_definition_key = ?",
                    "Decision definition",
                    r.pathKey("decisionDefinitionKey"))));
    routes.add(
        Route.post(
            "/v2/decision-requirements/search",
            r ->
                json(
                    queries.search(
                        ReadModelSpecs.DECISION_REQUIREMENTS,
                        r.jsonTree(),
                        Map.of(),
                        null,
                        null))));
    routes.add(
        Route.get(
            "/v2/decision-requirements/{decisionRequirementsKey}",
            r ->
                json(
                    queries.get(
                        ReadModelSpecs.DECISION_REQUIREMENTS,
                        "Decision requirements",
                        r.pathKey("decisionRequirementsKey")))));
    routes.add(
        Route.get(
            "/v2/decision-requirements/{decisionRequirementsKey}/xml",
            r ->
                xml(
                    queries,
                    "SELECT dmn_xml FROM decision_requirements WHERE decision_requirements_key = ?",
                    "Decision requirements",
                    r.pathKey("decisionRequirementsKey"))));
    routes.add(
        Route.post(
            "/v2/decision-instances/search",
            r ->
                json(
                    queries.search(
                        ReadModelSpecs.DECISION_INSTANCE,
                        r.jsonTree(),
                        Map.of("decisionEvaluationInstanceKey", SearchRoutes::evaluationInstance),
                        null,
                        SearchRoutes::addEvaluationInstanceKeys))));
    routes.add(
        Route.get(
            "/v2/decision-instances/{decisionEvaluationInstanceKey}",
            r -> {
              String id = r.pathParams().get("decisionEvaluationInstanceKey");
              Map<String, Object> instance =
                  queries.get(
                      ReadModelSpecs.DECISION_INSTANCE,
                      "Decision instance",
                      evaluationKey(id, "decisionEvaluationInstanceKey"));
              addEvaluationInstanceKeys(List.of(instance));
              instance.put("evaluatedInputs", List.of());
              instance.put("matchedRules", List.of());
              return json(instance);
            }));
    return routes;
  }

  static Map<String, SqlSearch.CustomFilter> piFilters() {
    Map<String, SqlSearch.CustomFilter> filters = new HashMap<>();
    filters.put("tags", SearchRoutes::tagsFilter);
    filters.put("variables", SearchRoutes::variablesFilter);
    filters.put(
        "errorMessage",
        (value, search) ->
            existsWith(
                search,
                "incident i",
                "i.process_instance_key = t.process_instance_key AND i.state = 'ACTIVE'",
                "i.error_message",
                value,
                "filter.errorMessage"));
    filters.put(
        "elementId",
        (value, search) ->
            existsWith(
                search,
                "element_instance e",
                "e.process_instance_key = t.process_instance_key",
                "e.element_id",
                value,
                "filter.elementId"));
    filters.put(
        "elementInstanceState",
        (value, search) ->
            existsWith(
                search,
                "element_instance e",
                "e.process_instance_key = t.process_instance_key",
                "e.state",
                value,
                "filter.elementInstanceState"));
    filters.put(
        "hasElementInstanceIncident",
        (value, search) ->
            search.and(
                (SqlSearch.convert(value, Kind.BOOL, "filter.hasElementInstanceIncident")
                            .equals(Boolean.TRUE)
                        ? ""
                        : "NOT ")
                    + "EXISTS (SELECT 1 FROM incident i WHERE i.process_instance_key ="
                    + " t.process_instance_key AND i.state = 'ACTIVE')"));
    filters.put(
        "$or",
        (value, search) -> {
          if (!value.isArray()) {
            throw RestProblem.invalidArgument(
                "Invalid value for field 'filter.$or': expected an array");
          }
          List<String> alternatives = new ArrayList<>();
          int i = 0;
          for (JsonNode alternative : value) {
            SqlSearch sub = new SqlSearch(ReadModelSpecs.PROCESS_INSTANCE, piFilters());
            sub.filter(alternative, "filter.$or[" + i++ + "]");
            String condition = sub.where.toString().replaceFirst("^ WHERE ", "");
            alternatives.add(condition.isEmpty() ? "1 = 1" : "(" + condition + ")");
            search.params.addAll(sub.params);
          }
          if (!alternatives.isEmpty()) {
            search
                .where
                .append(search.where.isEmpty() ? " WHERE " : " AND ")
                .append("(")
                .append(String.join(" OR ", alternatives))
                .append(")");
          }
        });
    return filters;
  }

  private static void existsWith(
      SqlSearch search, String table, String join, String column, JsonNode value, String field) {
    SqlSearch inner = new SqlSearch(ReadModelSpecs.PROCESS_INSTANCE, Map.of());
    inner.condition(column, Kind.STRING, value, field);
    String condition = inner.where.toString().replaceFirst("^ WHERE ", "");
    search.and(
        "EXISTS (SELECT 1 FROM " + table + " WHERE " + join + " AND " + condition + ")",
        inner.params.toArray());
  }

  /** The instance carries every one of the given tags. */
  private static void tagsFilter(JsonNode value, SqlSearch search) {
    if (!value.isArray()) {
      throw RestProblem.invalidArgument("Invalid value for field 'filter.tags': expected an array");
    }
    for (JsonNode tag : value) {
      search.and(
          "EXISTS (SELECT 1 FROM process_instance_tag g WHERE g.process_instance_key ="
              + " t.process_instance_key AND g.tag = ?)",
          tag.asText());
    }
  }

  /** Each {name, value} must match a variable of the instance (value as JSON text). */
  private static void variablesFilter(JsonNode value, SqlSearch search) {
    if (!value.isArray()) {
      throw RestProblem.invalidArgument(
          "Invalid value for field 'filter.variables': expected an array");
    }
    int i = 0;
    for (JsonNode variable : value) {
      String field = "filter.variables[" + i++ + "]";
      String name = variable.path("name").asText(null);
      if (name == null) {
        throw RestProblem.missingField(field + ".name");
      }
      SqlSearch inner = new SqlSearch(ReadModelSpecs.VARIABLE, Map.of());
      inner.and("v.name = ?", name);
      JsonNode expected = asJsonValues(variable.get("value"));
      if (expected != null && !expected.isNull()) {
        inner.condition("v.value_json", Kind.JSON_TEXT, expected, field + ".value");
      }
      String condition = inner.where.toString().replaceFirst("^ WHERE ", "");
      search.and(
          "EXISTS (SELECT 1 FROM variable v WHERE v.process_instance_key = t.process_instance_key"
              + " AND "
              + condition
              + ")",
          inner.params.toArray());
    }
  }

  /**
   * Variable values are compared as JSON text. The Java client sends {@code variables(Map)} values
   * through toString, so a plain word that is no JSON is taken as the JSON string it means.
   */
  private static JsonNode asJsonValues(JsonNode value) {
    if (value == null || value.isNull()) {
      return value;
    }
    if (value.isTextual()) {
      return JSON.getNodeFactory().textNode(jsonText(value.asText()));
    }
    if (value.isObject()) {
      var copy = JSON.createObjectNode();
      value
          .fields()
          .forEachRemaining(
              e -> {
                JsonNode operand = e.getValue();
                if (e.getKey().equals("$like")) {
                  copy.set(e.getKey(), operand);
                } else if (operand.isArray()) {
                  var items = JSON.createArrayNode();
                  operand.forEach(
                      item ->
                          items.add(item.isTextual() ? jsonText(item.asText()) : item.toString()));
                  copy.set(e.getKey(), items);
                } else if (operand.isTextual()) {
                  copy.put(e.getKey(), jsonText(operand.asText()));
                } else {
                  copy.set(e.getKey(), operand);
                }
              });
      return copy;
    }
    return JSON.getNodeFactory().textNode(value.toString());
  }

  private static String jsonText(String text) {
    try {
      JSON.readTree(text);
      return text;
    } catch (java.io.IOException e) {
      return JSON.getNodeFactory().textNode(text).toString();
    }
  }

  private static void latestVersionFilter(JsonNode value, SqlSearch search) {
    if (SqlSearch.convert(value, Kind.BOOL, "filter.isLatestVersion").equals(Boolean.TRUE)) {
      search.and(
          "t.version = (SELECT MAX(p.version) FROM process_definition p WHERE"
              + " p.process_definition_id = t.process_definition_id AND p.tenant_id = t.tenant_id)");
    }
  }

  private static void latestDecisionFilter(JsonNode value, SqlSearch search) {
    if (SqlSearch.convert(value, Kind.BOOL, "filter.isLatestVersion").equals(Boolean.TRUE)) {
      search.and(
          "t.version = (SELECT MAX(d.version) FROM decision_definition d WHERE"
              + " d.decision_definition_id = t.decision_definition_id AND d.tenant_id ="
              + " t.tenant_id)");
    }
  }

  private static void evaluationInstance(JsonNode value, SqlSearch search) {
    search.and(
        "t.decision_evaluation_key = ?",
        evaluationKey(value.asText(), "filter.decisionEvaluationInstanceKey"));
  }

  /** Camunda names one evaluated decision {@code <evaluationKey>-<index>}; we evaluate one each. */
  private static long evaluationKey(String id, String field) {
    String key = id.endsWith("-1") ? id.substring(0, id.length() - 2) : id;
    return RequestFields.key(key, field);
  }

  private static void addEvaluationInstanceKeys(List<Map<String, Object>> rows) {
    for (Map<String, Object> row : rows) {
      row.put("decisionEvaluationInstanceKey", row.get("decisionEvaluationKey") + "-1");
    }
  }

  private static void addTags(ReadModelQueries queries, List<Map<String, Object>> rows) {
    Map<Long, List<String>> tags = new HashMap<>();
    List<Object> keys = new ArrayList<>();
    for (Map<String, Object> row : rows) {
      keys.add(Long.parseLong((String) row.get("processInstanceKey")));
    }
    String marks = String.join(",", java.util.Collections.nCopies(keys.size(), "?"));
    queries.query(
        "SELECT process_instance_key, tag FROM process_instance_tag WHERE process_instance_key IN ("
            + marks
            + ") ORDER BY tag",
        keys,
        rs -> tags.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2)));
    for (Map<String, Object> row : rows) {
      row.put(
          "tags",
          tags.getOrDefault(Long.parseLong((String) row.get("processInstanceKey")), List.of()));
    }
  }

  private static void truncate(List<Map<String, Object>> rows, boolean truncate) {
    for (Map<String, Object> row : rows) {
      String value = (String) row.get("value");
      boolean truncated = truncate && value != null && value.length() > VARIABLE_TRUNCATION;
      if (truncated) {
        row.put("value", value.substring(0, VARIABLE_TRUNCATION));
      }
      row.put("isTruncated", truncated);
    }
  }

  private static void parseHeaders(List<Map<String, Object>> rows) {
    for (Map<String, Object> row : rows) {
      Object headers = row.get("customHeaders");
      try {
        row.put(
            "customHeaders",
            headers == null ? Map.of() : JSON.readValue((String) headers, Map.class));
      } catch (java.io.IOException e) {
        row.put("customHeaders", Map.of());
      }
    }
  }

  private static List<Map<String, Object>> sequenceFlows(ReadModelQueries queries, long key) {
    queries.get(ReadModelSpecs.PROCESS_INSTANCE, "Process instance", key);
    List<Map<String, Object>> flows = new ArrayList<>();
    queries.query(
        "SELECT DISTINCT flow_id, process_instance_key, root_process_instance_key,"
            + " process_definition_key, process_definition_id, tenant_id FROM sequence_flow"
            + " WHERE process_instance_key = ? ORDER BY flow_id",
        List.of(key),
        rs -> {
          Map<String, Object> flow = new LinkedHashMap<>();
          flow.put("sequenceFlowId", rs.getString(1));
          flow.put("elementId", rs.getString(1));
          flow.put("processInstanceKey", String.valueOf(rs.getLong(2)));
          flow.put("rootProcessInstanceKey", String.valueOf(rs.getLong(3)));
          flow.put("processDefinitionKey", String.valueOf(rs.getLong(4)));
          flow.put("processDefinitionId", rs.getString(5));
          flow.put("tenantId", rs.getString(6));
          flows.add(flow);
        });
    return flows;
  }

  /** From the root instance down to this one. */
  private static List<Map<String, Object>> callHierarchy(ReadModelQueries queries, long key) {
    List<Map<String, Object>> chain = new ArrayList<>();
    Long current = key;
    while (current != null) {
      Map<String, Object> instance =
          queries.get(ReadModelSpecs.PROCESS_INSTANCE, "Process instance", current);
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("processInstanceKey", instance.get("processInstanceKey"));
      entry.put("processDefinitionKey", instance.get("processDefinitionKey"));
      entry.put("processDefinitionName", instance.get("processDefinitionName"));
      chain.addFirst(entry);
      Object parent = instance.get("parentProcessInstanceKey");
      current = parent == null ? null : Long.parseLong((String) parent);
    }
    return chain;
  }

  private static RestResponse xml(ReadModelQueries queries, String sql, String what, long key) {
    String[] xml = new String[1];
    boolean[] found = new boolean[1];
    queries.query(
        sql,
        List.of(key),
        rs -> {
          found[0] = true;
          xml[0] = rs.getString(1);
        });
    if (!found[0]) {
      throw new RestProblem(404, "NOT_FOUND", what + " with key '" + key + "' not found");
    }
    byte[] body = xml[0] == null ? new byte[0] : xml[0].getBytes(StandardCharsets.UTF_8);
    return new RestResponse(200, "text/xml", body, Map.of());
  }

  private static RestResponse json(Object value) {
    return RestResponse.json(value);
  }
}
