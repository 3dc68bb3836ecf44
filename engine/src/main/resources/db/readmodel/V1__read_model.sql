-- The engine's read model (secondary storage), projected from committed journal entries by
-- io.orderhub.engine.exporter. Times are epoch milliseconds. ${text} is CLOB on H2, TEXT on
-- PostgreSQL. Rows are never written twice: the exporter stores its position in the same
-- transaction as the rows (exporter_position).

CREATE TABLE exporter_position (
  id INT PRIMARY KEY,
  position BIGINT NOT NULL
);
INSERT INTO exporter_position (id, position) VALUES (1, 0);

CREATE TABLE process_definition (
  process_definition_key BIGINT PRIMARY KEY,
  process_definition_id VARCHAR(255) NOT NULL,
  name VARCHAR(255),
  version INT NOT NULL,
  version_tag VARCHAR(255),
  resource_name VARCHAR(1024),
  tenant_id VARCHAR(255) NOT NULL,
  deployment_key BIGINT NOT NULL,
  deployed_at BIGINT NOT NULL,
  bpmn_xml ${text}
);
CREATE INDEX process_definition_id_idx ON process_definition (process_definition_id, version);

CREATE TABLE process_instance (
  process_instance_key BIGINT PRIMARY KEY,
  process_definition_key BIGINT NOT NULL,
  process_definition_id VARCHAR(255) NOT NULL,
  process_definition_name VARCHAR(255),
  process_definition_version INT NOT NULL,
  process_definition_version_tag VARCHAR(255),
  state VARCHAR(16) NOT NULL,
  start_date BIGINT NOT NULL,
  end_date BIGINT,
  tenant_id VARCHAR(255) NOT NULL,
  parent_process_instance_key BIGINT,
  parent_element_instance_key BIGINT,
  root_process_instance_key BIGINT NOT NULL,
  business_id VARCHAR(256)
);
CREATE INDEX process_instance_definition_idx ON process_instance (process_definition_id, state);
CREATE INDEX process_instance_definition_key_idx ON process_instance (process_definition_key, state);
CREATE INDEX process_instance_start_idx ON process_instance (start_date);
CREATE INDEX process_instance_end_idx ON process_instance (end_date);
CREATE INDEX process_instance_state_idx ON process_instance (state, start_date);
CREATE INDEX process_instance_business_idx ON process_instance (business_id);
CREATE INDEX process_instance_parent_idx ON process_instance (parent_process_instance_key);

CREATE TABLE process_instance_tag (
  process_instance_key BIGINT NOT NULL,
  tag VARCHAR(255) NOT NULL,
  PRIMARY KEY (process_instance_key, tag)
);
CREATE INDEX process_instance_tag_idx ON process_instance_tag (tag);

CREATE TABLE element_instance (
  element_instance_key BIGINT PRIMARY KEY,
  process_instance_key BIGINT NOT NULL,
  root_process_instance_key BIGINT NOT NULL,
  process_definition_key BIGINT NOT NULL,
  process_definition_id VARCHAR(255) NOT NULL,
  flow_scope_key BIGINT NOT NULL,
  element_id VARCHAR(255) NOT NULL,
  element_name VARCHAR(255),
  type VARCHAR(64) NOT NULL,
  state VARCHAR(16) NOT NULL,
  start_date BIGINT NOT NULL,
  end_date BIGINT,
  tenant_id VARCHAR(255) NOT NULL
);
CREATE INDEX element_instance_pi_idx ON element_instance (process_instance_key);
CREATE INDEX element_instance_definition_idx ON element_instance (process_definition_key, element_id, state);

CREATE TABLE sequence_flow (
  sequence_flow_key BIGINT PRIMARY KEY,
  process_instance_key BIGINT NOT NULL,
  root_process_instance_key BIGINT NOT NULL,
  process_definition_key BIGINT NOT NULL,
  process_definition_id VARCHAR(255) NOT NULL,
  flow_id VARCHAR(255) NOT NULL,
  tenant_id VARCHAR(255) NOT NULL
);
CREATE INDEX sequence_flow_pi_idx ON sequence_flow (process_instance_key);

CREATE TABLE variable (
  variable_key BIGINT PRIMARY KEY,
  name VARCHAR(255) NOT NULL,
  value_json ${text},
  scope_key BIGINT NOT NULL,
  process_instance_key BIGINT NOT NULL,
  root_process_instance_key BIGINT NOT NULL,
  tenant_id VARCHAR(255) NOT NULL
);
CREATE INDEX variable_pi_idx ON variable (process_instance_key);
CREATE INDEX variable_scope_idx ON variable (scope_key, name);
CREATE INDEX variable_name_idx ON variable (name);

CREATE TABLE incident (
  incident_key BIGINT PRIMARY KEY,
  process_definition_key BIGINT NOT NULL,
  process_definition_id VARCHAR(255) NOT NULL,
  process_instance_key BIGINT NOT NULL,
  root_process_instance_key BIGINT NOT NULL,
  element_instance_key BIGINT NOT NULL,
  element_id VARCHAR(255),
  job_key BIGINT,
  error_type VARCHAR(64) NOT NULL,
  error_message ${text},
  state VARCHAR(16) NOT NULL,
  creation_time BIGINT NOT NULL,
  tenant_id VARCHAR(255) NOT NULL
);
CREATE INDEX incident_pi_idx ON incident (process_instance_key, state);
CREATE INDEX incident_root_idx ON incident (root_process_instance_key, state);
CREATE INDEX incident_element_idx ON incident (element_instance_key, state);

CREATE TABLE job (
  job_key BIGINT PRIMARY KEY,
  type VARCHAR(255) NOT NULL,
  worker VARCHAR(255),
  state VARCHAR(32) NOT NULL,
  kind VARCHAR(32) NOT NULL,
  retries INT NOT NULL,
  error_message ${text},
  error_code VARCHAR(255),
  deadline BIGINT,
  element_id VARCHAR(255) NOT NULL,
  element_instance_key BIGINT NOT NULL,
  process_instance_key BIGINT NOT NULL,
  root_process_instance_key BIGINT NOT NULL,
  process_definition_key BIGINT NOT NULL,
  process_definition_id VARCHAR(255) NOT NULL,
  tenant_id VARCHAR(255) NOT NULL,
  creation_time BIGINT NOT NULL,
  last_update_time BIGINT NOT NULL,
  end_time BIGINT,
  custom_headers ${text}
);
CREATE INDEX job_type_state_idx ON job (type, state);
CREATE INDEX job_pi_idx ON job (process_instance_key);

CREATE TABLE decision_requirements (
  decision_requirements_key BIGINT PRIMARY KEY,
  decision_requirements_id VARCHAR(255) NOT NULL,
  name VARCHAR(255),
  version INT NOT NULL,
  resource_name VARCHAR(1024),
  tenant_id VARCHAR(255) NOT NULL,
  deployment_key BIGINT NOT NULL,
  dmn_xml ${text}
);

CREATE TABLE decision_definition (
  decision_definition_key BIGINT PRIMARY KEY,
  decision_definition_id VARCHAR(255) NOT NULL,
  name VARCHAR(255),
  version INT NOT NULL,
  version_tag VARCHAR(255),
  decision_requirements_key BIGINT NOT NULL,
  decision_requirements_id VARCHAR(255) NOT NULL,
  tenant_id VARCHAR(255) NOT NULL,
  deployment_key BIGINT NOT NULL
);

CREATE TABLE decision_instance (
  decision_evaluation_key BIGINT PRIMARY KEY,
  decision_definition_key BIGINT NOT NULL,
  decision_definition_id VARCHAR(255) NOT NULL,
  decision_definition_name VARCHAR(255),
  decision_definition_version INT NOT NULL,
  decision_requirements_key BIGINT NOT NULL,
  process_instance_key BIGINT,
  root_process_instance_key BIGINT,
  process_definition_key BIGINT,
  element_instance_key BIGINT,
  state VARCHAR(16) NOT NULL,
  evaluation_date BIGINT NOT NULL,
  evaluation_failure ${text},
  result_json ${text},
  tenant_id VARCHAR(255) NOT NULL
);
CREATE INDEX decision_instance_pi_idx ON decision_instance (process_instance_key);

CREATE TABLE batch_operation (
  batch_operation_key VARCHAR(64) PRIMARY KEY,
  type VARCHAR(64) NOT NULL,
  state VARCHAR(32) NOT NULL,
  start_date BIGINT NOT NULL,
  end_date BIGINT,
  operations_total INT NOT NULL,
  operations_completed INT NOT NULL,
  operations_failed INT NOT NULL,
  request_json ${text}
);

CREATE TABLE batch_operation_item (
  batch_operation_key VARCHAR(64) NOT NULL,
  item_key BIGINT NOT NULL,
  process_instance_key BIGINT NOT NULL,
  state VARCHAR(32) NOT NULL,
  processed_date BIGINT,
  error_message ${text},
  PRIMARY KEY (batch_operation_key, item_key)
);
