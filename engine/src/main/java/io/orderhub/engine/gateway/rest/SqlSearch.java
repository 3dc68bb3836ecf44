package io.orderhub.engine.gateway.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderhub.engine.gateway.rest.SearchSpec.Field;
import io.orderhub.engine.gateway.rest.SearchSpec.Kind;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Translates a Camunda search request ({@code filter}, {@code sort}, {@code page}) into SQL over a
 * {@link SearchSpec}: a filter value is either a plain value (equality) or an object of operators
 * ({@code $eq $neq $exists $in $notIn $like $gt $gte $lt $lte}), as the 8.9 client sends them.
 * Every problem names the field. Not thread-safe; one per request.
 */
final class SqlSearch {

  static final int DEFAULT_LIMIT = 100;
  static final int MAX_LIMIT = 10_000;

  /** A custom filter field: appends a condition for the value. */
  @FunctionalInterface
  interface CustomFilter {
    void apply(JsonNode value, SqlSearch search);
  }

  private final SearchSpec spec;
  private final Map<String, CustomFilter> custom;
  final StringBuilder where = new StringBuilder();
  final List<Object> params = new ArrayList<>();
  String orderBy;
  long offset;
  int limit = DEFAULT_LIMIT;

  SqlSearch(SearchSpec spec, Map<String, CustomFilter> custom) {
    this.spec = spec;
    this.custom = custom;
  }

  /** Reads filter, sort and page from a search request body. */
  SqlSearch read(JsonNode body) {
    if (body == null || body.isNull() || body.isMissingNode()) {
      orderBy = " ORDER BY " + spec.field(spec.keyField()).sql();
      return this;
    }
    if (!body.isObject()) {
      throw RestProblem.invalidArgument("Expected a JSON object as the search request");
    }
    filter(body.get("filter"), "filter");
    sort(body.get("sort"));
    page(body.get("page"));
    return this;
  }

  void filter(JsonNode filter, String path) {
    if (filter == null || filter.isNull()) {
      return;
    }
    if (!filter.isObject()) {
      throw RestProblem.invalidArgument(
          "Invalid value for field '" + path + "': expected an object");
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = filter.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      String name = entry.getKey();
      JsonNode value = entry.getValue();
      if (value == null || value.isNull()) {
        continue;
      }
      CustomFilter customFilter = custom.get(name);
      if (customFilter != null) {
        customFilter.apply(value, this);
        continue;
      }
      Field field = spec.field(name);
      if (field == null) {
        throw RestProblem.invalidArgument(
            "Invalid value for field '"
                + path
                + "."
                + name
                + "': filtering on it is not supported");
      }
      condition(field.sql(), field.kind(), value, path + "." + name);
    }
  }

  /** Appends the condition for one filter property on a SQL expression. */
  void condition(String sql, Kind kind, JsonNode value, String field) {
    if (!value.isObject()) {
      and(sql + " = ?", convert(value, kind, field));
      return;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> op = it.next();
      JsonNode operand = op.getValue();
      if (operand == null || operand.isNull()) {
        continue;
      }
      String opField = field + "." + op.getKey();
      switch (op.getKey()) {
        case "$eq" -> and(sql + " = ?", convert(operand, kind, opField));
        case "$neq" ->
            and("(" + sql + " <> ? OR " + sql + " IS NULL)", convert(operand, kind, opField));
        case "$exists" -> and(sql + (operand.asBoolean() ? " IS NOT NULL" : " IS NULL"));
        case "$gt" -> and(sql + " > ?", convert(operand, kind, opField));
        case "$gte" -> and(sql + " >= ?", convert(operand, kind, opField));
        case "$lt" -> and(sql + " < ?", convert(operand, kind, opField));
        case "$lte" -> and(sql + " <= ?", convert(operand, kind, opField));
        case "$in", "$notIn" -> {
          if (!operand.isArray()) {
            throw RestProblem.invalidArgument(
                "Invalid value for field '" + opField + "': expected an array");
          }
          if (operand.isEmpty()) {
            continue; // the client sends empty lists for operators it was not given
          }
          List<Object> values = new ArrayList<>();
          for (JsonNode item : operand) {
            values.add(convert(item, kind, opField));
          }
          String marks = String.join(",", java.util.Collections.nCopies(values.size(), "?"));
          String not = op.getKey().equals("$in") ? "" : "NOT ";
          and(sql + " " + not + "IN (" + marks + ")", values.toArray());
        }
        case "$like" -> {
          if (kind != Kind.STRING && kind != Kind.JSON_TEXT) {
            throw RestProblem.invalidArgument(
                "Invalid value for field '" + opField + "': $like applies to text fields only");
          }
          and(sql + " LIKE ? ESCAPE '\\'", like(operand.asText()));
        }
        default ->
            throw RestProblem.invalidArgument(
                "Invalid value for field '" + opField + "': unknown filter operator");
      }
    }
  }

  /** Camunda's wildcards: {@code *} any run, {@code ?} one character; {@code \} escapes. */
  static String like(String pattern) {
    StringBuilder sql = new StringBuilder();
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      switch (c) {
        case '\\' -> {
          if (i + 1 < pattern.length()) {
            char next = pattern.charAt(++i);
            if (next == '%' || next == '_' || next == '\\') {
              sql.append('\\');
            }
            sql.append(next);
          } else {
            sql.append("\\\\");
          }
        }
        case '*' -> sql.append('%');
        case '?' -> sql.append('_');
        case '%', '_' -> sql.append('\\').append(c);
        default -> sql.append(c);
      }
    }
    return sql.toString();
  }

  void and(String condition, Object... values) {
    where.append(where.isEmpty() ? " WHERE " : " AND ").append(condition);
    params.addAll(List.of(values));
  }

  static Object convert(JsonNode value, Kind kind, String field) {
    try {
      return switch (kind) {
        case KEY -> {
          if (value.isIntegralNumber()) {
            yield value.asLong();
          }
          yield Long.parseLong(value.asText().trim());
        }
        case INT -> {
          if (value.isIntegralNumber()) {
            yield value.asInt();
          }
          yield Integer.parseInt(value.asText().trim());
        }
        case BOOL -> {
          if (value.isBoolean()) {
            yield value.asBoolean();
          }
          String text = value.asText();
          if (!text.equals("true") && !text.equals("false")) {
            throw new IllegalArgumentException("expected true or false");
          }
          yield Boolean.parseBoolean(text);
        }
        case DATE -> OffsetDateTime.parse(value.asText()).toInstant().toEpochMilli();
        case STRING, JSON_TEXT -> {
          if (value.isContainerNode()) {
            throw new IllegalArgumentException("expected a string");
          }
          yield value.asText();
        }
      };
    } catch (NumberFormatException e) {
      throw RestProblem.invalidArgument(
          "Invalid value for field '"
              + field
              + "': expected a number, got '"
              + value.asText()
              + "'");
    } catch (DateTimeParseException e) {
      throw RestProblem.invalidArgument(
          "Invalid value for field '"
              + field
              + "': expected an ISO-8601 date-time, got '"
              + value.asText()
              + "'");
    } catch (IllegalArgumentException e) {
      throw RestProblem.invalidArgument(
          "Invalid value for field '" + field + "': " + e.getMessage());
    }
  }

  private void sort(JsonNode sort) {
    StringBuilder order = new StringBuilder();
    if (sort != null && !sort.isNull()) {
      if (!sort.isArray()) {
        throw RestProblem.invalidArgument("Invalid value for field 'sort': expected an array");
      }
      int i = 0;
      for (JsonNode criterion : sort) {
        String path = "sort[" + i++ + "]";
        String name = criterion.path("field").asText(null);
        if (name == null) {
          throw RestProblem.missingField(path + ".field");
        }
        Field field = spec.field(name);
        if (field == null || !field.sortable()) {
          throw RestProblem.invalidArgument(
              "Invalid value for field '" + path + ".field': cannot sort by '" + name + "'");
        }
        String direction = criterion.path("order").asText("ASC").toUpperCase(java.util.Locale.ROOT);
        if (!direction.equals("ASC") && !direction.equals("DESC")) {
          throw RestProblem.invalidArgument(
              "Invalid value for field '" + path + ".order': expected ASC or DESC");
        }
        order.append(order.isEmpty() ? " ORDER BY " : ", ").append(field.sql()).append(' ');
        order.append(direction).append(direction.equals("ASC") ? " NULLS FIRST" : " NULLS LAST");
      }
    }
    // the key breaks ties, so pages are stable
    order.append(order.isEmpty() ? " ORDER BY " : ", ").append(spec.field(spec.keyField()).sql());
    orderBy = order.toString();
  }

  private void page(JsonNode page) {
    if (page == null || page.isNull()) {
      return;
    }
    if (page.has("limit") && !page.get("limit").isNull()) {
      limit = page.get("limit").asInt(-1);
      if (limit < 1 || limit > MAX_LIMIT) {
        throw RestProblem.invalidArgument(
            "Invalid value for field 'page.limit': expected 1 to "
                + MAX_LIMIT
                + ", got "
                + page.get("limit"));
      }
    }
    if (page.has("from") && !page.get("from").isNull()) {
      offset = page.get("from").asLong(-1);
      if (offset < 0) {
        throw RestProblem.invalidArgument(
            "Invalid value for field 'page.from': expected 0 or more, got " + page.get("from"));
      }
    }
    String after = text(page, "after");
    String before = text(page, "before");
    if (after != null && before != null) {
      throw RestProblem.invalidArgument(
          "Invalid value for field 'page': 'after' and 'before' cannot both be given");
    }
    if (after != null) {
      offset = decodeCursor(after, "page.after") + 1;
    } else if (before != null) {
      long end = decodeCursor(before, "page.before");
      offset = Math.max(0, end - limit);
      limit = (int) Math.min(limit, end);
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  /**
   * Cursors are opaque to clients; ours carry the row's offset in the sorted result, so {@code
   * after} continues right behind it and {@code before} ends right before it.
   */
  static String encodeCursor(long offset) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(("o:" + offset).getBytes(StandardCharsets.UTF_8));
  }

  static long decodeCursor(String cursor, String field) {
    try {
      String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      if (text.startsWith("o:")) {
        long offset = Long.parseLong(text.substring(2));
        if (offset >= 0) {
          return offset;
        }
      }
    } catch (IllegalArgumentException e) {
      // reported below
    }
    throw RestProblem.invalidArgument(
        "Invalid value for field '"
            + field
            + "': not a cursor this server issued: '"
            + cursor
            + "'");
  }

  static String iso(long millis) {
    return Instant.ofEpochMilli(millis).toString();
  }
}
