package io.orderhub.engine.gateway.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderhub.engine.gateway.rest.SearchSpec.Kind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /v2/jobs/statistics/by-types}: per job type, the jobs created, completed and failed
 * in the window {@code [from, to]} (by their last change), and the distinct workers, so the backlog
 * of a type is readable.
 */
final class JobStatistics {

  private JobStatistics() {}

  static Map<String, Object> byTypes(ReadModelQueries queries, JsonNode body) {
    JsonNode filter = body.path("filter");
    SqlSearch window = new SqlSearch(ReadModelSpecs.JOB, Map.of());
    if (filter.hasNonNull("from")) {
      window.and(
          "t.last_update_time >= ?",
          SqlSearch.convert(filter.get("from"), Kind.DATE, "filter.from"));
    }
    if (filter.hasNonNull("to")) {
      window.and(
          "t.last_update_time <= ?", SqlSearch.convert(filter.get("to"), Kind.DATE, "filter.to"));
    }
    if (filter.hasNonNull("jobType")) {
      window.condition("t.type", Kind.STRING, filter.get("jobType"), "filter.jobType");
    }
    List<Map<String, Object>> items = new ArrayList<>();
    queries.query(
        "SELECT t.type,"
            + " SUM(CASE WHEN t.end_time IS NULL AND t.state <> 'FAILED' AND t.state <>"
            + " 'ERROR_THROWN' THEN 1 ELSE 0 END),"
            + " MAX(CASE WHEN t.end_time IS NULL THEN t.last_update_time END),"
            + " SUM(CASE WHEN t.state = 'COMPLETED' THEN 1 ELSE 0 END),"
            + " MAX(CASE WHEN t.state = 'COMPLETED' THEN t.last_update_time END),"
            + " SUM(CASE WHEN t.state = 'FAILED' OR t.state = 'ERROR_THROWN' THEN 1 ELSE 0 END),"
            + " MAX(CASE WHEN t.state = 'FAILED' OR t.state = 'ERROR_THROWN' THEN"
            + " t.last_update_time END),"
            + " COUNT(DISTINCT t.worker)"
            + " FROM job t"
            + window.where
            + " GROUP BY t.type ORDER BY t.type",
        window.params,
        rs -> {
          Map<String, Object> item = new LinkedHashMap<>();
          item.put("jobType", rs.getString(1));
          item.put("created", metric(rs.getLong(2), rs.getObject(3)));
          item.put("completed", metric(rs.getLong(4), rs.getObject(5)));
          item.put("failed", metric(rs.getLong(6), rs.getObject(7)));
          item.put("workers", rs.getInt(8));
          items.add(item);
        });
    Map<String, Object> page = new LinkedHashMap<>();
    page.put("totalItems", (long) items.size());
    page.put("hasMoreTotalItems", false);
    return Map.of("items", items, "page", page);
  }

  private static Map<String, Object> metric(long count, Object lastUpdated) {
    Map<String, Object> metric = new LinkedHashMap<>();
    metric.put("count", count);
    metric.put(
        "lastUpdatedAt",
        lastUpdated == null ? null : SqlSearch.iso(((Number) lastUpdated).longValue()));
    return metric;
  }
}
