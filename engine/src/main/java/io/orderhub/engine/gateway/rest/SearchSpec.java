package io.orderhub.engine.gateway.rest;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One searchable entity of the read model: its table, and for each API field the SQL expression
 * behind it and how values convert. Fields marked output form the result objects; every field can
 * be filtered and (unless computed) sorted on.
 */
record SearchSpec(String table, String keyField, Map<String, Field> fields) {

  enum Kind {
    /** a long key, sent and answered as a string */
    KEY,
    STRING,
    INT,
    /** epoch millis in SQL, ISO-8601 over the wire */
    DATE,
    BOOL,
    /** a JSON document kept as text, answered as-is */
    JSON_TEXT
  }

  record Field(String sql, Kind kind, boolean output, boolean sortable) {}

  static Builder on(String table) {
    return new Builder(table);
  }

  Field field(String name) {
    return fields.get(name);
  }

  static final class Builder {
    private final String table;
    private final Map<String, Field> fields = new LinkedHashMap<>();
    private String keyField;

    private Builder(String table) {
      this.table = table;
    }

    /** The entity's key: output, filterable, the last sort criterion of every query. */
    Builder key(String name, String column) {
      keyField = name;
      return column(name, column, Kind.KEY);
    }

    Builder column(String name, String column, Kind kind) {
      fields.put(name, new Field("t." + column, kind, true, true));
      return this;
    }

    /** A filter-only column (not part of the result objects). */
    Builder filter(String name, String column, Kind kind) {
      fields.put(name, new Field("t." + column, kind, false, true));
      return this;
    }

    /** A computed value (a subquery), output and filterable but not sortable. */
    Builder computed(String name, String sql, Kind kind) {
      fields.put(name, new Field("(" + sql + ")", kind, true, false));
      return this;
    }

    /** Names an existing (non-numeric) field as the key: the last sort criterion. */
    SearchSpec keyed(String name) {
      keyField = name;
      return build();
    }

    SearchSpec build() {
      return new SearchSpec(table, keyField, Map.copyOf(fields));
    }
  }
}
