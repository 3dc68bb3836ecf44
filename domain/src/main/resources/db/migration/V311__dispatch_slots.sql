-- Fulfilment nodes: each warehouse hands at most daily_capacity parcels a day to carriers. A routed
-- parcel books one slot on a day; the rows here are the record, Redis (when configured) the fast
-- allocator in front of them.
create table shipment.fulfilment_node (
    warehouse_id   text primary key,
    daily_capacity integer not null check (daily_capacity > 0),
    -- a slot was booked or the capacity changed without Redis: it must be rebuilt from these rows
    -- before it books for this node again
    redis_stale    boolean not null default true
);

create table shipment.dispatch_slot (
    order_id     uuid not null,
    warehouse_id text not null references shipment.fulfilment_node (warehouse_id),
    day          date not null,
    primary key (order_id, warehouse_id)
);

create index dispatch_slot_per_day on shipment.dispatch_slot (warehouse_id, day);
