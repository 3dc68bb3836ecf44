-- Transactional outbox: written in the transaction of every aggregate change, relayed later.
create schema if not exists outbox;

create table outbox.outbox_event (
    id             uuid primary key,
    -- the relay's order; per aggregate it follows commit order, because the aggregate's row is
    -- written (and locked) before its events are appended
    position       bigint generated always as identity unique,
    aggregate_type text        not null,
    -- always the order id: the partition key that keeps each order's events in order
    aggregate_id   text        not null,
    event_type     text        not null,
    payload        jsonb       not null,
    occurred_at    timestamptz not null,
    published_at   timestamptz
);

-- the relay's scan: only the (few) unpublished rows, in order
create index outbox_event_unpublished on outbox.outbox_event (position) where published_at is null;
create index outbox_event_aggregate on outbox.outbox_event (aggregate_id, position);
