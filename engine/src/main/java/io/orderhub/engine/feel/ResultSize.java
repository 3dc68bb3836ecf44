package io.orderhub.engine.feel;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.Map;

/**
 * Measures a FEEL result before it becomes a variable, so one evaluation cannot flood the state.
 */
final class ResultSize {

  private ResultSize() {}

  /** Null when the value is within the limits, else why not. */
  static String check(Object value, int maxItems, int maxChars) {
    Deque<Object> toVisit = new ArrayDeque<>();
    toVisit.push(value == null ? "" : value);
    long items = 0;
    long chars = 0;
    while (!toVisit.isEmpty()) {
      Object next = toVisit.pop();
      if (next instanceof Collection<?> list) {
        items += list.size();
        list.forEach(v -> toVisit.push(v == null ? "" : v));
      } else if (next instanceof Map<?, ?> map) {
        items += map.size();
        map.forEach(
            (k, v) -> {
              toVisit.push(String.valueOf(k));
              toVisit.push(v == null ? "" : v);
            });
      } else if (next instanceof CharSequence text) {
        chars += text.length();
      }
      if (items > maxItems) {
        return "its result holds more than %d items".formatted(maxItems);
      }
      if (chars > maxChars) {
        return "its result holds more than %d characters".formatted(maxChars);
      }
    }
    return null;
  }
}
