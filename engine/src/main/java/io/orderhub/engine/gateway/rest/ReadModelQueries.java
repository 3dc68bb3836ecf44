package io.orderhub.engine.gateway.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderhub.engine.gateway.rest.SearchSpec.Field;
import io.orderhub.engine.gateway.rest.SearchSpec.Kind;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * Runs searches and gets against the read model. Thread-safe: every call takes its own pooled
 * connection. Results are maps keyed by the API's field names (the client's model classes parse
 * them).
 */
final class ReadModelQueries {

  /** Matches beyond this are not counted; the page says so with {@code hasMoreTotalItems}. */
  static final int TOTAL_ITEMS_CAP = 10_000;

  private final DataSource dataSource;

  ReadModelQueries(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Runs a search and answers {@code {items, page}}; postProcess may enrich the page's rows. */
  Map<String, Object> search(
      SearchSpec spec,
      JsonNode body,
      Map<String, SqlSearch.CustomFilter> custom,
      Consumer<SqlSearch> scope,
      Consumer<List<Map<String, Object>>> postProcess) {
    SqlSearch search = new SqlSearch(spec, custom).read(body);
    if (scope != null) {
      scope.accept(search);
    }
    String from = " FROM " + spec.table() + " t";
    String select = selectList(spec);
    List<Map<String, Object>> items = new ArrayList<>();
    long total;
    try (Connection connection = dataSource.getConnection()) {
      // Camunda counts at most 10 000 matches and flags the rest (hasMoreTotalItems): an exact
      // COUNT(*) over a million matching rows costs seconds per page, a capped one stops early
      try (PreparedStatement count =
          connection.prepareStatement(
              "SELECT COUNT(*) FROM (SELECT 1 AS one"
                  + from
                  + search.where
                  + " FETCH FIRST "
                  + (TOTAL_ITEMS_CAP + 1)
                  + " ROWS ONLY) capped")) {
        bind(count, search.params);
        try (ResultSet rs = count.executeQuery()) {
          rs.next();
          total = rs.getLong(1);
        }
      }
      boolean moreThanCounted = total > TOTAL_ITEMS_CAP;
      if (search.limit > 0 && (moreThanCounted || search.offset < total)) {
        try (PreparedStatement query =
            connection.prepareStatement(
                "SELECT "
                    + select
                    + from
                    + search.where
                    + search.orderBy
                    + " OFFSET "
                    + search.offset
                    + " ROWS FETCH NEXT "
                    + search.limit
                    + " ROWS ONLY")) {
          bind(query, search.params);
          try (ResultSet rs = query.executeQuery()) {
            while (rs.next()) {
              items.add(row(spec, rs));
            }
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Expected to search the read model, but " + e, e);
    }
    if (postProcess != null && !items.isEmpty()) {
      postProcess.accept(items);
    }
    Map<String, Object> page = new LinkedHashMap<>();
    page.put("totalItems", Math.min(total, TOTAL_ITEMS_CAP));
    page.put("hasMoreTotalItems", total > TOTAL_ITEMS_CAP);
    page.put("startCursor", items.isEmpty() ? null : SqlSearch.encodeCursor(search.offset));
    page.put(
        "endCursor",
        items.isEmpty() ? null : SqlSearch.encodeCursor(search.offset + items.size() - 1));
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("items", items);
    result.put("page", page);
    return result;
  }

  /** One entity by key, or a 404 problem naming it. */
  Map<String, Object> get(SearchSpec spec, String what, long key) {
    List<Map<String, Object>> rows =
        list(
            "SELECT "
                + selectList(spec)
                + " FROM "
                + spec.table()
                + " t WHERE "
                + spec.field(spec.keyField()).sql()
                + " = ?",
            spec,
            key);
    if (rows.isEmpty()) {
      throw new RestProblem(404, "NOT_FOUND", what + " with key '" + key + "' not found");
    }
    return rows.getFirst();
  }

  /** Runs any query whose columns are the spec's output fields. */
  List<Map<String, Object>> list(String sql, SearchSpec spec, Object... params) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement query = connection.prepareStatement(sql)) {
      bind(query, List.of(params));
      List<Map<String, Object>> rows = new ArrayList<>();
      try (ResultSet rs = query.executeQuery()) {
        while (rs.next()) {
          rows.add(row(spec, rs));
        }
      }
      return rows;
    } catch (SQLException e) {
      throw new IllegalStateException("Expected to query the read model, but " + e, e);
    }
  }

  /** Runs a query and hands each row to the reader. */
  void query(String sql, List<Object> params, RowReader reader) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement query = connection.prepareStatement(sql)) {
      bind(query, params);
      try (ResultSet rs = query.executeQuery()) {
        while (rs.next()) {
          reader.read(rs);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Expected to query the read model, but " + e, e);
    }
  }

  @FunctionalInterface
  interface RowReader {
    void read(ResultSet rs) throws SQLException;
  }

  DataSource dataSource() {
    return dataSource;
  }

  static String selectList(SearchSpec spec) {
    List<String> columns = new ArrayList<>();
    for (Map.Entry<String, Field> field : outputFields(spec)) {
      columns.add(field.getValue().sql() + " AS c" + columns.size());
    }
    return String.join(", ", columns);
  }

  private static List<Map.Entry<String, Field>> outputFields(SearchSpec spec) {
    // a stable order, shared by the select list and the row reader
    return spec.fields().entrySet().stream()
        .filter(e -> e.getValue().output())
        .sorted(Map.Entry.comparingByKey())
        .toList();
  }

  private static Map<String, Object> row(SearchSpec spec, ResultSet rs) throws SQLException {
    Map<String, Object> row = new LinkedHashMap<>();
    int column = 1;
    for (Map.Entry<String, Field> entry : outputFields(spec)) {
      Kind kind = entry.getValue().kind();
      Object value =
          switch (kind) {
            case KEY -> {
              long key = rs.getLong(column);
              yield rs.wasNull() ? null : String.valueOf(key);
            }
            case INT -> {
              int number = rs.getInt(column);
              yield rs.wasNull() ? null : number;
            }
            case DATE -> {
              long millis = rs.getLong(column);
              yield rs.wasNull() ? null : SqlSearch.iso(millis);
            }
            case BOOL -> {
              boolean flag = rs.getBoolean(column);
              yield rs.wasNull() ? null : flag;
            }
            case STRING, JSON_TEXT -> rs.getString(column);
          };
      row.put(entry.getKey(), value);
      column++;
    }
    return row;
  }

  static void bind(PreparedStatement statement, List<Object> params) throws SQLException {
    for (int i = 0; i < params.size(); i++) {
      Object param = params.get(i);
      if (param == null) {
        statement.setNull(i + 1, Types.NULL);
      } else {
        statement.setObject(i + 1, param);
      }
    }
  }
}
