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

  /**
   * Keys travel as strings in 8.9 (they can exceed JavaScript's safe integers). Only plain ASCII
   * decimal digits are a key: {@link Long#parseLong} alone would also take full-width digits, a
   * sign, and (after a trim) a decoded {@code %00} or space, so {@code 42%00} would address 42.
   */
  static long key(String value, String field) {
    require(value, field);
    boolean digitsOnly = value.length() <= MAX_KEY_DIGITS;
    for (int i = 0; i < value.length() && digitsOnly; i++) {
      char c = value.charAt(i);
      digitsOnly = c >= '0' && c <= '9';
    }
    boolean leadingZero = value.length() > 1 && value.charAt(0) == '0';
    if (digitsOnly && !leadingZero) {
      try {
        return Long.parseLong(value);
      } catch (NumberFormatException tooLarge) {
        // falls through to the same answer as any other non-key
      }
    }
    throw RestProblem.invalidArgument(
        "Invalid value for field '"
            + field
            + "': expected a key (decimal digits without sign or leading zeros), got '"
            + printable(value)
            + "'");
  }

  private static final int MAX_KEY_DIGITS = 19;

  /** Echoes a rejected value without control characters, which would garble logs and clients. */
  static String printable(String value) {
    StringBuilder out = new StringBuilder();
    value
        .codePoints()
        .limit(100)
        .forEach(
            cp -> {
              if (Character.isISOControl(cp)) {
                out.append(String.format("\\u%04x", cp));
              } else {
                out.appendCodePoint(cp);
              }
            });
    return value.codePointCount(0, value.length()) > 100 ? out + "..." : out.toString();
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
