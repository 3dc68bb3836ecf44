package io.orderhub.engine.gateway.rest;

import io.orderhub.engine.api.EngineApi;
import io.orderhub.engine.api.EngineRejection;
import io.orderhub.engine.api.MigrateProcessInstanceCommand;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs batch operations: one engine command per selected process instance, one at a time on a
 * background thread, each item's outcome and the batch's counters kept in the read model's
 * database. A batch interrupted by a shutdown goes on with its remaining items at the next start.
 */
final class BatchOperations implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(BatchOperations.class);
  private static final Duration ITEM_TIMEOUT = Duration.ofSeconds(30);

  enum Type {
    CANCEL_PROCESS_INSTANCE,
    RESOLVE_INCIDENT,
    MIGRATE_PROCESS_INSTANCE
  }

  private final EngineApi engine;
  private final DataSource dataSource;
  private final ExecutorService runner =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread thread = new Thread(r, "engine-batch-operations");
            thread.setDaemon(true);
            return thread;
          });

  BatchOperations(EngineApi engine, DataSource dataSource) {
    this.engine = engine;
    this.dataSource = dataSource;
    resumeInterrupted();
  }

  /** Records the batch and its items, then runs them in the background; returns the batch key. */
  String start(Type type, List<Long> processInstanceKeys, String requestJson) {
    String key = UUID.randomUUID().toString();
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try (PreparedStatement batch =
              connection.prepareStatement(
                  "INSERT INTO batch_operation (batch_operation_key, type, state, start_date,"
                      + " operations_total, operations_completed, operations_failed, request_json)"
                      + " VALUES (?,?,?,?,?,0,0,?)");
          PreparedStatement item =
              connection.prepareStatement(
                  "INSERT INTO batch_operation_item (batch_operation_key, item_key,"
                      + " process_instance_key, state) VALUES (?,?,?,'ACTIVE')")) {
        batch.setString(1, key);
        batch.setString(2, type.name());
        batch.setString(3, processInstanceKeys.isEmpty() ? "COMPLETED" : "ACTIVE");
        batch.setLong(4, System.currentTimeMillis());
        batch.setInt(5, processInstanceKeys.size());
        batch.setString(6, requestJson);
        batch.executeUpdate();
        for (long instance : processInstanceKeys) {
          item.setString(1, key);
          item.setLong(2, instance);
          item.setLong(3, instance);
          item.addBatch();
        }
        item.executeBatch();
        connection.commit();
      } catch (SQLException e) {
        connection.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Expected to record a batch operation, but " + e, e);
    }
    if (processInstanceKeys.isEmpty()) {
      finish(key);
    } else {
      runner.execute(() -> run(key, type, requestJson, processInstanceKeys));
    }
    return key;
  }

  private void resumeInterrupted() {
    List<String[]> active = new ArrayList<>();
    query(
        "SELECT batch_operation_key, type, request_json FROM batch_operation WHERE state ="
            + " 'ACTIVE'",
        List.of(),
        rs -> active.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}));
    for (String[] batch : active) {
      List<Long> items = new ArrayList<>();
      query(
          "SELECT item_key FROM batch_operation_item WHERE batch_operation_key = ? AND state ="
              + " 'ACTIVE' ORDER BY item_key",
          List.of(batch[0]),
          rs -> items.add(rs.getLong(1)));
      runner.execute(() -> run(batch[0], Type.valueOf(batch[1]), batch[2], items));
    }
  }

  private void run(String key, Type type, String requestJson, List<Long> instances) {
    MigrationPlan plan =
        type == Type.MIGRATE_PROCESS_INSTANCE ? MigrationPlan.parse(requestJson) : null;
    for (long instance : instances) {
      if (Thread.currentThread().isInterrupted()) {
        return; // shutting down: the remaining items run at the next start
      }
      String error = null;
      try {
        switch (type) {
          case CANCEL_PROCESS_INSTANCE ->
              EngineCalls.await(engine.cancelProcessInstance(instance), ITEM_TIMEOUT);
          case RESOLVE_INCIDENT -> resolveIncidents(instance);
          case MIGRATE_PROCESS_INSTANCE ->
              EngineCalls.await(
                  engine.migrateProcessInstance(
                      new MigrateProcessInstanceCommand(
                          instance, plan.targetProcessDefinitionKey(), plan.mappings())),
                  ITEM_TIMEOUT);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        error = message(e);
      }
      itemDone(key, instance, error);
    }
    finish(key);
  }

  /** Resolves every open incident of the instance; a job without retries gets one back first. */
  private void resolveIncidents(long instance) throws InterruptedException {
    List<long[]> incidents = new ArrayList<>();
    query(
        "SELECT incident_key, job_key FROM incident WHERE process_instance_key = ? AND state ="
            + " 'ACTIVE'",
        List.of(instance),
        rs -> incidents.add(new long[] {rs.getLong(1), rs.getLong(2)}));
    for (long[] incident : incidents) {
      if (incident[1] > 0) {
        EngineCalls.await(engine.updateJobRetries(incident[1], 1), ITEM_TIMEOUT);
      }
      EngineCalls.await(engine.resolveIncident(incident[0]), ITEM_TIMEOUT);
    }
  }

  private static String message(Throwable e) {
    Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
    if (cause instanceof EngineRejection rejection) {
      return rejection.type() + ": " + rejection.getMessage();
    }
    return cause.getMessage() == null ? cause.toString() : cause.getMessage();
  }

  private void itemDone(String key, long instance, String error) {
    update(
        "UPDATE batch_operation_item SET state = ?, processed_date = ?, error_message = ? WHERE"
            + " batch_operation_key = ? AND item_key = ?",
        error == null ? "COMPLETED" : "FAILED",
        System.currentTimeMillis(),
        error,
        key,
        instance);
    update(
        error == null
            ? "UPDATE batch_operation SET operations_completed = operations_completed + 1 WHERE"
                + " batch_operation_key = ?"
            : "UPDATE batch_operation SET operations_failed = operations_failed + 1 WHERE"
                + " batch_operation_key = ?",
        key);
  }

  private void finish(String key) {
    update(
        "UPDATE batch_operation SET end_date = ?, state = CASE WHEN operations_failed = 0 THEN"
            + " 'COMPLETED' WHEN operations_completed = 0 THEN 'FAILED' ELSE"
            + " 'PARTIALLY_COMPLETED' END WHERE batch_operation_key = ?",
        System.currentTimeMillis(),
        key);
  }

  private void update(String sql, Object... params) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      ReadModelQueries.bind(statement, java.util.Arrays.asList(params));
      statement.executeUpdate();
    } catch (SQLException e) {
      LOG.error("Expected to record batch operation progress, but it failed", e);
    }
  }

  private void query(String sql, List<Object> params, ReadModelQueries.RowReader reader) {
    new ReadModelQueries(dataSource).query(sql, params, reader);
  }

  @Override
  public void close() {
    runner.shutdownNow();
    try {
      runner.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The migration plan of a batch, read back from its stored request. */
  record MigrationPlan(
      long targetProcessDefinitionKey, List<MigrateProcessInstanceCommand.Mapping> mappings) {

    static MigrationPlan parse(String requestJson) {
      var tree =
          JsonCodec.read(
              requestJson.getBytes(java.nio.charset.StandardCharsets.UTF_8),
              com.fasterxml.jackson.databind.JsonNode.class);
      var plan = tree.path("migrationPlan");
      List<MigrateProcessInstanceCommand.Mapping> mappings = new ArrayList<>();
      for (var mapping : plan.path("mappingInstructions")) {
        mappings.add(
            new MigrateProcessInstanceCommand.Mapping(
                mapping.path("sourceElementId").asText(),
                mapping.path("targetElementId").asText()));
      }
      return new MigrationPlan(
          RequestFields.key(
              plan.path("targetProcessDefinitionKey").asText(null),
              "migrationPlan.targetProcessDefinitionKey"),
          mappings);
    }
  }
}
