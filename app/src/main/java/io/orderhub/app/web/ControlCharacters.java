package io.orderhub.app.web;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Finds control characters in the strings of a request: a NUL cannot be stored (PostgreSQL refuses
 * it in text), and none of the others belongs in a name, an address or a reason. Tab, line feed and
 * carriage return are allowed.
 */
public final class ControlCharacters {

  public static final String MESSAGE = "must not contain control characters such as NUL";

  private ControlCharacters() {}

  /**
   * @throws InvalidRequest naming {@code field} when {@code value} holds a control character
   */
  public static String requireNone(String field, String value) {
    if (value != null && contains(value)) {
      throw InvalidRequest.of(field, MESSAGE);
    }
    return value;
  }

  /** One violation per string field of {@code request} (records, lists, maps, nested). */
  public static List<FieldViolation> in(Object request) {
    List<FieldViolation> violations = new ArrayList<>();
    walk("", request, violations);
    return violations;
  }

  public static boolean contains(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) {
        return true;
      }
    }
    return false;
  }

  private static void walk(String path, Object value, List<FieldViolation> violations) {
    switch (value) {
      case null -> {}
      case String text -> {
        if (contains(text)) {
          violations.add(new FieldViolation(path, MESSAGE));
        }
      }
      case Record record -> {
        for (RecordComponent component : record.getClass().getRecordComponents()) {
          Object field;
          try {
            field = component.getAccessor().invoke(record);
          } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(
                "Expected to read " + component.getName() + " of " + record.getClass(), e);
          }
          walk(
              path.isEmpty() ? component.getName() : path + "." + component.getName(),
              field,
              violations);
        }
      }
      case List<?> list -> {
        for (int i = 0; i < list.size(); i++) {
          walk(path + "[" + i + "]", list.get(i), violations);
        }
      }
      case Map<?, ?> map -> map.forEach((k, v) -> walk(path + "." + k, v, violations));
      case Collection<?> collection -> collection.forEach(v -> walk(path, v, violations));
      default -> {}
    }
  }
}
