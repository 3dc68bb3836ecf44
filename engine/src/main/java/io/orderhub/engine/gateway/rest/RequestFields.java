package io.orderhub.engine.gateway.rest;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Checks and defaults for request fields, so every handler reports problems the same way. */
final class RequestFields {

  /** What Camunda calls the tenant of a cluster without multi-tenancy. */
  static final String DEFAULT_TENANT = "<default>";

  private RequestFields() {}

  static <T> T require(T value, String field) {
    if (value == null || (value instanceof String s && s.isBlank())) {
      throw RestProblem.missingField(field);
    }
    return value;
  }

  /** Keys travel as strings in 8.9 (they can exceed JavaScript's safe integers). */
  static long key(String value, String field) {
    require(value, field);
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      throw RestProblem.invalidArgument(
          "Invalid value for field '" + field + "': expected a numeric key, got '" + value + "'");
    }
  }

  static String tenant(String tenantId) {
    return tenantId == null || tenantId.isBlank() ? DEFAULT_TENANT : tenantId;
  }

  static String orEmpty(String value) {
    return value == null ? "" : value;
  }

  static Map<String, Object> variables(Map<String, Object> variables) {
    return variables == null ? new LinkedHashMap<>() : variables;
  }

  static <T> List<T> list(List<T> list) {
    return list == null ? List.of() : list;
  }

  static Duration millis(Long millis, Duration fallback) {
    return millis == null ? fallback : Duration.ofMillis(millis);
  }
}
