-- The application's own tables, in a schema and migration history of their own (the domain's
-- Flyway owns db/migration and the public history table).

-- One row per order whose fulfilment process was started: what keeps a retried create, a retry
-- sweep and a second application node from ever starting a second saga.
create table app.process_start (
    order_id             uuid primary key,
    -- null when the engine answered ALREADY_EXISTS (someone else started it; the key is theirs)
    process_instance_key bigint,
    started_at           timestamptz not null
);
