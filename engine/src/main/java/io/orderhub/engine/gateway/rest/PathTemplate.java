package io.orderhub.engine.gateway.rest;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A path like {@code /v2/jobs/{jobKey}/completion}; {@code {name}} segments capture values. */
record PathTemplate(String template, List<String> segments) {

  static PathTemplate of(String template) {
    return new PathTemplate(template, split(template));
  }

  /** Returns the captured segments, or null when the raw request path does not match. */
  Map<String, String> match(String rawPath) {
    List<String> actual = split(rawPath);
    if (actual.size() != segments.size()) {
      return null;
    }
    Map<String, String> captured = new HashMap<>();
    for (int i = 0; i < segments.size(); i++) {
      String expected = segments.get(i);
      String value = URLDecoder.decode(actual.get(i), StandardCharsets.UTF_8);
      if (expected.startsWith("{") && expected.endsWith("}")) {
        if (value.isEmpty()) {
          return null;
        }
        captured.put(expected.substring(1, expected.length() - 1), value);
      } else if (!expected.equals(value)) {
        return null;
      }
    }
    return captured;
  }

  /** Splits on '/', ignoring a trailing slash so {@code /v2/topology/} still matches. */
  static List<String> split(String path) {
    String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    String withoutLead = trimmed.startsWith("/") ? trimmed.substring(1) : trimmed;
    return List.of(withoutLead.split("/", -1));
  }
}
