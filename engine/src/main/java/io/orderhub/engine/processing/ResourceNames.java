package io.orderhub.engine.processing;

/**
 * Which resource names a deployment may carry. The name is stored, returned to clients, shown in
 * Operate and may become a file name in an export, so it must be printable text of bounded length
 * that cannot climb out of a directory.
 */
final class ResourceNames {

  /** Far beyond any real file name, far below what would bloat every record that carries it. */
  static final int MAX_LENGTH = 1024;

  private ResourceNames() {}

  /** Why the name is refused, or null when it is fine. */
  static String problem(String name) {
    if (name == null || name.isBlank()) {
      return "a resource name is required";
    }
    if (name.length() > MAX_LENGTH) {
      return "resource name is %d characters long, at most %d are allowed"
          .formatted(name.length(), MAX_LENGTH);
    }
    if (name.codePoints().anyMatch(Character::isISOControl)) {
      return "resource name contains a control character (such as NUL)";
    }
    for (String segment : name.split("[/\\\\]", -1)) {
      if (segment.equals("..")) {
        return "resource name contains the path segment '..'";
      }
    }
    return null;
  }

  /** The name as it may appear in an error message: control characters escaped, length capped. */
  static String printable(String name) {
    if (name == null) {
      return "null";
    }
    StringBuilder out = new StringBuilder();
    name.codePoints()
        .limit(100)
        .forEach(
            cp -> {
              if (Character.isISOControl(cp)) {
                out.append("\\u%04x".formatted(cp));
              } else {
                out.appendCodePoint(cp);
              }
            });
    return name.length() > 100 ? out + "..." : out.toString();
  }
}
