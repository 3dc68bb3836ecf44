package io.orderhub.engine.exporter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.orderhub.engine.model.BpmnElementType;
import io.orderhub.engine.record.EngineEvent;
import io.orderhub.engine.record.EngineEvent.DecisionDeployed;
import io.orderhub.engine.record.EngineEvent.DecisionEvaluated;
import io.orderhub.engine.record.EngineEvent.DecisionRequirementsDeployed;
import io.orderhub.engine.record.EngineEvent.ElementActivating;
import io.orderhub.engine.record.EngineEvent.ElementCompleted;
import io.orderhub.engine.record.EngineEvent.ElementTerminated;
import io.orderhub.engine.record.EngineEvent.IncidentCreated;
import io.orderhub.engine.record.EngineEvent.IncidentResolved;
import io.orderhub.engine.record.EngineEvent.JobActivated;
import io.orderhub.engine.record.EngineEvent.JobCanceled;
import io.orderhub.engine.record.EngineEvent.JobCompleted;
import io.orderhub.engine.record.EngineEvent.JobCreated;
import io.orderhub.engine.record.EngineEvent.JobErrorThrown;
import io.orderhub.engine.record.EngineEvent.JobFailed;
import io.orderhub.engine.record.EngineEvent.JobRecurred;
import io.orderhub.engine.record.EngineEvent.JobRetriesUpdated;
import io.orderhub.engine.record.EngineEvent.JobTimedOut;
import io.orderhub.engine.record.EngineEvent.JobTimeoutUpdated;
import io.orderhub.engine.record.EngineEvent.JobYielded;
import io.orderhub.engine.record.EngineEvent.ProcessDeployed;
import io.orderhub.engine.record.EngineEvent.ProcessInstanceMigrated;
import io.orderhub.engine.record.EngineEvent.SequenceFlowTaken;
import io.orderhub.engine.record.EngineEvent.VariableCreated;
import io.orderhub.engine.record.EngineEvent.VariableUpdated;
import io.orderhub.engine.record.EventBatch;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns committed events into read-model rows. Each event is written exactly once (the exporter
 * commits its position with the rows), so plain inserts and keyed updates suffice. Only the
 * exporter thread uses an instance; the caches are derived from rows already written, so losing
 * them (a restart) only costs a lookup.
 */
final class ReadModelProjection {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int CACHE_SIZE = 50_000;

  /**
   * process_instance.has_incident: an open incident of the instance itself or, for a root instance,
   * of any instance it called. Kept as a column so the hasIncident filter is an index lookup
   * instead of two EXISTS per candidate row.
   */
  private static final String HAS_ACTIVE_INCIDENT =
      "(EXISTS (SELECT 1 FROM incident i WHERE i.process_instance_key = p.process_instance_key"
          + " AND i.state = 'ACTIVE') OR EXISTS (SELECT 1 FROM incident i WHERE"
          + " i.root_process_instance_key = p.process_instance_key AND i.state = 'ACTIVE'))";

  /** What every row of an instance repeats. */
  private record InstanceInfo(
      long rootKey, String tenantId, long definitionKey, String processDefinitionId) {}

  private final Map<Long, InstanceInfo> instances = lru();
  private final Map<Long, DefinitionNames> definitions = lru();
  private final Map<String, PreparedStatement> statements = new HashMap<>();
  private Connection connection;
  private long timestamp;

  private static <K, V> Map<K, V> lru() {
    return new LinkedHashMap<>(1024, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
        return size() > CACHE_SIZE;
      }
    };
  }

  /** Writes one batch's rows on the connection; the caller owns the transaction. */
  void project(Connection connection, EventBatch batch) throws SQLException {
    if (this.connection != connection) {
      closeStatements();
      this.connection = connection;
    }
    timestamp = batch.timestamp();
    for (EngineEvent event : batch.events()) {
      project(event);
    }
  }

  void closeStatements() {
    for (PreparedStatement statement : statements.values()) {
      try {
        statement.close();
      } catch (SQLException ignored) {
        // the connection goes back to the pool anyway
      }
    }
    statements.clear();
    connection = null;
  }

  /** Forgets derived data: after a failed transaction the rows it had written are gone. */
  void clearCaches() {
    instances.clear();
    definitions.clear();
  }

  private void project(EngineEvent event) throws SQLException {
    switch (event) {
      case ProcessDeployed e -> processDeployed(e);
      case DecisionRequirementsDeployed e ->
          update(
              "INSERT INTO decision_requirements (decision_requirements_key,"
                  + " decision_requirements_id, name, version, resource_name, tenant_id,"
                  + " deployment_key, dmn_xml) VALUES (?,?,?,?,?,?,?,?)",
              e.key(),
              e.decisionRequirementsId(),
              e.name(),
              e.version(),
              e.resourceName(),
              e.tenantId(),
              e.deploymentKey(),
              new String(e.resource(), StandardCharsets.UTF_8));
      case DecisionDeployed e ->
          update(
              "INSERT INTO decision_definition (decision_definition_key, decision_definition_id,"
                  + " name, version, version_tag, decision_requirements_key,"
                  + " decision_requirements_id, tenant_id, deployment_key) VALUES"
                  + " (?,?,?,?,?,?,?,?,?)",
              e.key(),
              e.decisionId(),
              e.name(),
              e.version(),
              e.versionTag(),
              e.decisionRequirementsKey(),
              e.decisionRequirementsId(),
              e.tenantId(),
              e.deploymentKey());
      case DecisionEvaluated e -> decisionEvaluated(e);
      case ElementActivating e -> elementActivating(e);
      case ElementCompleted e -> ended(e.key(), "COMPLETED");
      case ElementTerminated e -> ended(e.key(), "TERMINATED");
      case ProcessInstanceMigrated e -> migrated(e);
      case SequenceFlowTaken e -> {
        InstanceInfo info = instance(e.processInstanceKey());
        update(
            "INSERT INTO sequence_flow (sequence_flow_key, process_instance_key,"
                + " root_process_instance_key, process_definition_key, process_definition_id,"
                + " flow_id, tenant_id) VALUES (?,?,?,?,?,?,?)",
            e.key(),
            e.processInstanceKey(),
            info.rootKey(),
            info.definitionKey(),
            info.processDefinitionId(),
            e.flowId(),
            info.tenantId());
      }
      case VariableCreated e -> {
        InstanceInfo info = instance(e.processInstanceKey());
        update(
            "INSERT INTO variable (variable_key, name, value_json, scope_key,"
                + " process_instance_key, root_process_instance_key, tenant_id) VALUES"
                + " (?,?,?,?,?,?,?)",
            e.key(),
            e.name(),
            json(e.value()),
            e.scopeKey(),
            e.processInstanceKey(),
            info.rootKey(),
            info.tenantId());
      }
      case VariableUpdated e ->
          update(
              "UPDATE variable SET value_json = ? WHERE variable_key = ?",
              json(e.value()),
              e.key());
      case JobCreated e -> {
        InstanceInfo info = instance(e.processInstanceKey());
        update(
            "INSERT INTO job (job_key, type, state, kind, retries, element_id,"
                + " element_instance_key, process_instance_key, root_process_instance_key,"
                + " process_definition_key, process_definition_id, tenant_id, creation_time,"
                + " last_update_time, custom_headers) VALUES"
                + " (?,?,'CREATED','BPMN_ELEMENT',?,?,?,?,?,?,?,?,?,?,?)",
            e.key(),
            e.type(),
            e.retries(),
            e.elementId(),
            e.elementInstanceKey(),
            e.processInstanceKey(),
            info.rootKey(),
            e.processDefinitionKey(),
            e.bpmnProcessId(),
            e.tenantId(),
            timestamp,
            timestamp,
            json(e.customHeaders()));
      }
      case JobActivated e ->
          update(
              "UPDATE job SET worker = ?, deadline = ?, state = 'CREATED', last_update_time = ?"
                  + " WHERE job_key = ?",
              e.worker(),
              e.deadline(),
              timestamp,
              e.key());
      case JobFailed e ->
          update(
              "UPDATE job SET state = 'FAILED', retries = ?, error_message = ?, worker = NULL,"
                  + " deadline = NULL, last_update_time = ? WHERE job_key = ?",
              e.retries(),
              e.errorMessage(),
              timestamp,
              e.key());
      case JobRecurred e -> jobState(e.key(), "FAILED");
      case JobTimedOut e -> jobState(e.key(), "TIMED_OUT");
      case JobYielded e -> jobState(e.key(), "CREATED");
      case JobRetriesUpdated e ->
          update(
              "UPDATE job SET state = 'RETRIES_UPDATED', retries = ?, last_update_time = ?"
                  + " WHERE job_key = ?",
              e.retries(),
              timestamp,
              e.key());
      case JobTimeoutUpdated e ->
          update(
              "UPDATE job SET deadline = ?, last_update_time = ? WHERE job_key = ?",
              e.deadline(),
              timestamp,
              e.key());
      case JobErrorThrown e ->
          update(
              "UPDATE job SET state = 'ERROR_THROWN', error_code = ?, error_message = ?,"
                  + " last_update_time = ? WHERE job_key = ?",
              e.errorCode(),
              e.errorMessage(),
              timestamp,
              e.key());
      case JobCompleted e -> jobEnded(e.key(), "COMPLETED");
      case JobCanceled e -> jobEnded(e.key(), "CANCELED");
      case IncidentCreated e -> {
        InstanceInfo info = instance(e.processInstanceKey());
        update(
            "INSERT INTO incident (incident_key, process_definition_key, process_definition_id,"
                + " process_instance_key, root_process_instance_key, element_instance_key,"
                + " element_id, job_key, error_type, error_message, state, creation_time,"
                + " tenant_id) VALUES (?,?,?,?,?,?,?,?,?,?,'ACTIVE',?,?)",
            e.key(),
            e.processDefinitionKey(),
            e.bpmnProcessId(),
            e.processInstanceKey(),
            info.rootKey(),
            e.elementInstanceKey(),
            e.elementId(),
            e.jobKey() > 0 ? e.jobKey() : null,
            e.errorType(),
            e.errorMessage(),
            e.createdAt(),
            e.tenantId());
        update(
            "UPDATE process_instance SET has_incident = TRUE WHERE process_instance_key IN (?, ?)",
            e.processInstanceKey(),
            info.rootKey());
      }
      case IncidentResolved e -> {
        update("UPDATE incident SET state = 'RESOLVED' WHERE incident_key = ?", e.key());
        // the instance (or its root) may still have another open incident
        update(
            "UPDATE process_instance p SET has_incident = "
                + HAS_ACTIVE_INCIDENT
                + " WHERE p.process_instance_key IN (SELECT i.process_instance_key FROM incident i"
                + " WHERE i.incident_key = ? UNION SELECT i.root_process_instance_key FROM"
                + " incident i WHERE i.incident_key = ?)",
            e.key(),
            e.key());
      }
      default -> {
        // messages, timers, signals and subscriptions have no read model of their own (yet)
      }
    }
  }

  private void processDeployed(ProcessDeployed e) throws SQLException {
    DefinitionNames names = DefinitionNames.read(e.resource(), e.bpmnProcessId());
    definitions.put(e.key(), names);
    update(
        "INSERT INTO process_definition (process_definition_key, process_definition_id, name,"
            + " version, version_tag, resource_name, tenant_id, deployment_key, deployed_at,"
            + " bpmn_xml) VALUES (?,?,?,?,?,?,?,?,?,?)",
        e.key(),
        e.bpmnProcessId(),
        names.name(),
        e.version(),
        names.versionTag(),
        e.resourceName(),
        e.tenantId(),
        e.deploymentKey(),
        e.deployedAt(),
        new String(e.resource(), StandardCharsets.UTF_8));
  }

  private void elementActivating(ElementActivating e) throws SQLException {
    if (e.elementType() == BpmnElementType.PROCESS) {
      processInstanceStarted(e);
    }
    InstanceInfo info = instance(e.processInstanceKey());
    DefinitionNames names = definition(e.processDefinitionKey());
    update(
        "INSERT INTO element_instance (element_instance_key, process_instance_key,"
            + " root_process_instance_key, process_definition_key, process_definition_id,"
            + " flow_scope_key, element_id, element_name, type, state, start_date, tenant_id)"
            + " VALUES (?,?,?,?,?,?,?,?,?,'ACTIVE',?,?)",
        e.key(),
        e.processInstanceKey(),
        info.rootKey(),
        e.processDefinitionKey(),
        info.processDefinitionId(),
        e.flowScopeKey(),
        e.elementId(),
        names.elementNames().get(e.elementId()),
        e.elementType().name(),
        timestamp,
        e.tenantId());
  }

  private void processInstanceStarted(ElementActivating e) throws SQLException {
    Long parentInstance = null;
    long root = e.key();
    if (e.parentElementInstanceKey() > 0) {
      try (ResultSet rs =
          query(
              "SELECT process_instance_key, root_process_instance_key FROM element_instance"
                  + " WHERE element_instance_key = ?",
              e.parentElementInstanceKey())) {
        if (rs.next()) {
          parentInstance = rs.getLong(1);
          root = rs.getLong(2);
        }
      }
    }
    DefinitionNames names = definition(e.processDefinitionKey());
    int version = 0;
    try (ResultSet rs =
        query(
            "SELECT version FROM process_definition WHERE process_definition_key = ?",
            e.processDefinitionKey())) {
      if (rs.next()) {
        version = rs.getInt(1);
      }
    }
    update(
        "INSERT INTO process_instance (process_instance_key, process_definition_key,"
            + " process_definition_id, process_definition_name, process_definition_version,"
            + " process_definition_version_tag, state, start_date, tenant_id,"
            + " parent_process_instance_key, parent_element_instance_key,"
            + " root_process_instance_key, business_id) VALUES (?,?,?,?,?,?,'ACTIVE',?,?,?,?,?,?)",
        e.key(),
        e.processDefinitionKey(),
        e.elementId(),
        names.name(),
        version,
        names.versionTag(),
        timestamp,
        e.tenantId(),
        parentInstance,
        e.parentElementInstanceKey() > 0 ? e.parentElementInstanceKey() : null,
        root,
        e.businessId() == null || e.businessId().isEmpty() ? null : e.businessId());
    if (e.tags() != null) {
      for (String tag : e.tags()) {
        update(
            "INSERT INTO process_instance_tag (process_instance_key, tag) VALUES (?,?)",
            e.key(),
            tag);
      }
    }
    instances.put(
        e.key(), new InstanceInfo(root, e.tenantId(), e.processDefinitionKey(), e.elementId()));
  }

  private void ended(long key, String state) throws SQLException {
    update(
        "UPDATE element_instance SET state = ?, end_date = ? WHERE element_instance_key = ?",
        state,
        timestamp,
        key);
    update(
        "UPDATE process_instance SET state = ?, end_date = ? WHERE process_instance_key = ?",
        state,
        timestamp,
        key);
  }

  private void migrated(ProcessInstanceMigrated e) throws SQLException {
    DefinitionNames names = definition(e.targetProcessDefinitionKey());
    update(
        "UPDATE process_instance SET process_definition_key = ?, process_definition_id = ?,"
            + " process_definition_version = ?, process_definition_name = ?,"
            + " process_definition_version_tag = ? WHERE process_instance_key = ?",
        e.targetProcessDefinitionKey(),
        e.targetBpmnProcessId(),
        e.targetVersion(),
        names.name(),
        names.versionTag(),
        e.key());
    update(
        "UPDATE element_instance SET process_definition_key = ?, process_definition_id = ?"
            + " WHERE process_instance_key = ? AND end_date IS NULL",
        e.targetProcessDefinitionKey(),
        e.targetBpmnProcessId(),
        e.key());
    update(
        "UPDATE element_instance SET element_id = ? WHERE process_instance_key = ?"
            + " AND end_date IS NULL AND type = 'PROCESS'",
        e.targetBpmnProcessId(),
        e.key());
    for (Map.Entry<String, String> mapping : e.elementMapping().entrySet()) {
      if (mapping.getKey().equals(mapping.getValue())) {
        continue;
      }
      update(
          "UPDATE element_instance SET element_id = ?, element_name = ? WHERE"
              + " process_instance_key = ? AND end_date IS NULL AND element_id = ?",
          mapping.getValue(),
          names.elementNames().get(mapping.getValue()),
          e.key(),
          mapping.getKey());
      update(
          "UPDATE job SET element_id = ? WHERE process_instance_key = ? AND end_time IS NULL"
              + " AND element_id = ?",
          mapping.getValue(),
          e.key(),
          mapping.getKey());
      update(
          "UPDATE incident SET element_id = ? WHERE process_instance_key = ? AND state ="
              + " 'ACTIVE' AND element_id = ?",
          mapping.getValue(),
          e.key(),
          mapping.getKey());
    }
    update(
        "UPDATE job SET process_definition_key = ?, process_definition_id = ? WHERE"
            + " process_instance_key = ? AND end_time IS NULL",
        e.targetProcessDefinitionKey(),
        e.targetBpmnProcessId(),
        e.key());
    update(
        "UPDATE incident SET process_definition_key = ?, process_definition_id = ? WHERE"
            + " process_instance_key = ? AND state = 'ACTIVE'",
        e.targetProcessDefinitionKey(),
        e.targetBpmnProcessId(),
        e.key());
    InstanceInfo info = instance(e.key());
    instances.put(
        e.key(),
        new InstanceInfo(
            info.rootKey(),
            info.tenantId(),
            e.targetProcessDefinitionKey(),
            e.targetBpmnProcessId()));
  }

  private void decisionEvaluated(DecisionEvaluated e) throws SQLException {
    String name = null;
    try (ResultSet rs =
        query(
            "SELECT name FROM decision_definition WHERE decision_definition_key = ?",
            e.decisionKey())) {
      if (rs.next()) {
        name = rs.getString(1);
      }
    }
    boolean inProcess = e.processInstanceKey() > 0;
    InstanceInfo info = inProcess ? instance(e.processInstanceKey()) : null;
    update(
        "INSERT INTO decision_instance (decision_evaluation_key, decision_definition_key,"
            + " decision_definition_id, decision_definition_name, decision_definition_version,"
            + " decision_requirements_key, process_instance_key, root_process_instance_key,"
            + " process_definition_key, element_instance_key, state, evaluation_date,"
            + " evaluation_failure, result_json, tenant_id) VALUES"
            + " (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        e.key(),
        e.decisionKey(),
        e.decisionId(),
        name,
        e.decisionVersion(),
        e.decisionRequirementsKey(),
        inProcess ? e.processInstanceKey() : null,
        info == null ? null : info.rootKey(),
        info == null ? null : info.definitionKey(),
        e.elementInstanceKey() > 0 ? e.elementInstanceKey() : null,
        e.failureMessage() == null ? "EVALUATED" : "FAILED",
        timestamp,
        e.failureMessage(),
        e.failureMessage() == null ? json(e.output()) : null,
        e.tenantId());
  }

  private void jobState(long key, String state) throws SQLException {
    update(
        "UPDATE job SET state = ?, worker = NULL, deadline = NULL, last_update_time = ?"
            + " WHERE job_key = ?",
        state,
        timestamp,
        key);
  }

  private void jobEnded(long key, String state) throws SQLException {
    update(
        "UPDATE job SET state = ?, end_time = ?, last_update_time = ? WHERE job_key = ?",
        state,
        timestamp,
        timestamp,
        key);
  }

  private InstanceInfo instance(long processInstanceKey) throws SQLException {
    InstanceInfo cached = instances.get(processInstanceKey);
    if (cached != null) {
      return cached;
    }
    try (ResultSet rs =
        query(
            "SELECT root_process_instance_key, tenant_id, process_definition_key,"
                + " process_definition_id FROM process_instance WHERE process_instance_key = ?",
            processInstanceKey)) {
      if (!rs.next()) {
        // only when the read model started after the instance (rebuilt from a compacted journal):
        // its rows still go in, with what the event itself says
        return new InstanceInfo(processInstanceKey, "<default>", 0, "");
      }
      InstanceInfo info =
          new InstanceInfo(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4));
      instances.put(processInstanceKey, info);
      return info;
    }
  }

  private DefinitionNames definition(long definitionKey) throws SQLException {
    DefinitionNames cached = definitions.get(definitionKey);
    if (cached != null) {
      return cached;
    }
    DefinitionNames names = DefinitionNames.NONE;
    try (ResultSet rs =
        query(
            "SELECT bpmn_xml, process_definition_id FROM process_definition"
                + " WHERE process_definition_key = ?",
            definitionKey)) {
      if (rs.next()) {
        String xml = rs.getString(1);
        names =
            xml == null
                ? DefinitionNames.NONE
                : DefinitionNames.read(xml.getBytes(StandardCharsets.UTF_8), rs.getString(2));
      }
    }
    definitions.put(definitionKey, names);
    return names;
  }

  static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Expected a JSON-serialisable value, but " + e, e);
    }
  }

  private PreparedStatement prepare(String sql) throws SQLException {
    PreparedStatement statement = statements.get(sql);
    if (statement == null) {
      statement = connection.prepareStatement(sql);
      statements.put(sql, statement);
    }
    return statement;
  }

  private void update(String sql, Object... params) throws SQLException {
    PreparedStatement statement = prepare(sql);
    bind(statement, params);
    statement.executeUpdate();
  }

  private ResultSet query(String sql, Object... params) throws SQLException {
    PreparedStatement statement = prepare(sql);
    bind(statement, params);
    return statement.executeQuery();
  }

  static void bind(PreparedStatement statement, Object... params) throws SQLException {
    for (int i = 0; i < params.length; i++) {
      Object param = params[i];
      if (param == null) {
        statement.setNull(i + 1, Types.NULL);
      } else {
        statement.setObject(i + 1, param);
      }
    }
  }
}
