package io.orderhub.app.observability;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Just enough PromQL reading to list the metric names an expression refers to. */
final class PromQl {

  private static final Set<String> KEYWORDS =
      Set.of(
          "by",
          "without",
          "on",
          "ignoring",
          "group_left",
          "group_right",
          "offset",
          "bool",
          "and",
          "or",
          "unless",
          "inf",
          "nan");
  private static final Pattern STRINGS = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
  private static final Pattern MATCHERS = Pattern.compile("\\{[^}]*}");
  private static final Pattern RANGES = Pattern.compile("\\[[^]]*]");
  private static final Pattern GROUPINGS =
      Pattern.compile("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
  private static final Pattern IDENTIFIER =
      Pattern.compile("(?<![\\w.$])([a-zA-Z_:][a-zA-Z0-9_:]*)\\b(\\s*\\()?");

  private PromQl() {}

  static Set<String> metricNames(String expression) {
    String bare = STRINGS.matcher(expression).replaceAll("\"\"");
    bare = MATCHERS.matcher(bare).replaceAll(" ");
    bare = RANGES.matcher(bare).replaceAll(" ");
    bare = GROUPINGS.matcher(bare).replaceAll(" ");
    Set<String> names = new LinkedHashSet<>();
    Matcher matcher = IDENTIFIER.matcher(bare);
    while (matcher.find()) {
      String name = matcher.group(1);
      boolean function = matcher.group(2) != null;
      if (!function && !KEYWORDS.contains(name) && !name.matches("\\d.*")) {
        names.add(name);
      }
    }
    return names;
  }
}
