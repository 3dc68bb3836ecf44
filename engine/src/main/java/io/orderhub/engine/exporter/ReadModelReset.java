package io.orderhub.engine.exporter;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** Empties the read model, so the exporter rebuilds it from the journal. */
final class ReadModelReset {

  static final List<String> TABLES =
      List.of(
          "process_definition",
          "process_instance",
          "process_instance_tag",
          "element_instance",
          "sequence_flow",
          "variable",
          "incident",
          "job",
          "decision_requirements",
          "decision_definition",
          "decision_instance");

  private ReadModelReset() {}

  static void clear(Connection connection) throws SQLException {
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(false);
    try (Statement statement = connection.createStatement()) {
      for (String table : TABLES) {
        statement.executeUpdate("DELETE FROM " + table);
      }
      statement.executeUpdate("UPDATE exporter_position SET position = 0 WHERE id = 1");
      connection.commit();
    } catch (SQLException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(autoCommit);
    }
  }
}
