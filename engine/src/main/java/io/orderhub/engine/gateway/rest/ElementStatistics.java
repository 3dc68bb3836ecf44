package io.orderhub.engine.gateway.rest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Per element: how many instances are active, completed, canceled (terminated) and active with an
 * incident; what the diagram overlays of Operate show. Scopes (process, multi-instance bodies) are
 * counted like any element, as Camunda does, except the process element itself.
 */
final class ElementStatistics {

  private ElementStatistics() {}

  static List<Map<String, Object>> query(
      ReadModelQueries queries,
      String scope,
      long key,
      String instanceFilter,
      List<Object> instanceParams) {
    List<Object> params = new ArrayList<>();
    params.add(key);
    String instances = "";
    if (!instanceFilter.isEmpty()) {
      instances =
          " AND e.process_instance_key IN (SELECT t.process_instance_key FROM process_instance t"
              + instanceFilter
              + ")";
      params.addAll(instanceParams);
    }
    List<Map<String, Object>> items = new ArrayList<>();
    queries.query(
        "SELECT e.element_id,"
            + " SUM(CASE WHEN e.state = 'ACTIVE' THEN 1 ELSE 0 END),"
            + " SUM(CASE WHEN e.state = 'TERMINATED' THEN 1 ELSE 0 END),"
            + " SUM(CASE WHEN e.state = 'ACTIVE' AND EXISTS (SELECT 1 FROM incident i WHERE"
            + " i.element_instance_key = e.element_instance_key AND i.state = 'ACTIVE') THEN 1"
            + " ELSE 0 END),"
            + " SUM(CASE WHEN e.state = 'COMPLETED' THEN 1 ELSE 0 END)"
            + " FROM element_instance e WHERE "
            + scope.replace("t.", "e.")
            + " AND e.type <> 'PROCESS'"
            + instances
            + " GROUP BY e.element_id ORDER BY e.element_id",
        params,
        rs -> {
          Map<String, Object> item = new LinkedHashMap<>();
          item.put("elementId", rs.getString(1));
          long incidents = rs.getLong(4);
          item.put("active", rs.getLong(2) - incidents);
          item.put("canceled", rs.getLong(3));
          item.put("incidents", incidents);
          item.put("completed", rs.getLong(5));
          items.add(item);
        });
    return items;
  }
}
