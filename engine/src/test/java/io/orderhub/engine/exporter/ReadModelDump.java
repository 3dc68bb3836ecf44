package io.orderhub.engine.exporter;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Every row of the read model as text, in a stable order: two read models compare by equality. */
public final class ReadModelDump {

  private ReadModelDump() {}

  public static List<String> of(DataSource dataSource) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      for (String table : ReadModelReset.TABLES) {
        try (ResultSet rs = statement.executeQuery("SELECT * FROM " + table + " ORDER BY 1, 2")) {
          ResultSetMetaData meta = rs.getMetaData();
          while (rs.next()) {
            StringBuilder row = new StringBuilder(table).append(':');
            for (int i = 1; i <= meta.getColumnCount(); i++) {
              row.append(meta.getColumnName(i).toLowerCase()).append('=');
              row.append(rs.getString(i)).append(' ');
            }
            rows.add(row.toString());
          }
        }
      }
      try (ResultSet rs = statement.executeQuery("SELECT position FROM exporter_position")) {
        rs.next();
        rows.add("position=" + rs.getLong(1));
      }
    }
    return rows;
  }

  public static long count(DataSource dataSource, String table) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
