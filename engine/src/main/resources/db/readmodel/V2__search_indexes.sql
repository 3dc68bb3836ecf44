-- Searches over millions of process instances: composite indexes that answer the common filters
-- in their sort order (so a page reads its rows in order and stops), and a has_incident flag kept
-- by the exporter instead of two EXISTS over incident per candidate row. Plain SQL that H2 and
-- PostgreSQL both accept. The order columns match SqlSearch's ORDER BY exactly (DESC NULLS LAST,
-- the key as tie-breaker), otherwise PostgreSQL cannot read the index in order.

ALTER TABLE process_instance ADD COLUMN has_incident BOOLEAN DEFAULT FALSE NOT NULL;

UPDATE process_instance SET has_incident = TRUE
WHERE process_instance_key IN (SELECT process_instance_key FROM incident WHERE state = 'ACTIVE')
   OR process_instance_key IN (SELECT root_process_instance_key FROM incident WHERE state = 'ACTIVE');

-- process id + state, newest first (Operate's list of a process)
CREATE INDEX process_instance_definition_start_idx
  ON process_instance (process_definition_id, state, start_date DESC NULLS LAST, process_instance_key);
-- process id + state in the default order (by key)
CREATE INDEX process_instance_definition_key_order_idx
  ON process_instance (process_definition_id, state, process_instance_key);
DROP INDEX process_instance_definition_idx;

-- hasIncident, default order and newest first
CREATE INDEX process_instance_incident_idx
  ON process_instance (has_incident, process_instance_key);
CREATE INDEX process_instance_incident_start_idx
  ON process_instance (has_incident, start_date DESC NULLS LAST, process_instance_key);

-- businessId (at most a few matches) in the default order
CREATE INDEX process_instance_business_key_idx ON process_instance (business_id, process_instance_key);
DROP INDEX process_instance_business_idx;

-- date ranges and the unfiltered list, newest first
CREATE INDEX process_instance_start_desc_idx
  ON process_instance (start_date DESC NULLS LAST, process_instance_key);
CREATE INDEX process_instance_end_desc_idx
  ON process_instance (end_date DESC NULLS LAST, process_instance_key);
