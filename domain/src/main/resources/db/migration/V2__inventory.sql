-- Inventory context: stock counters per SKU and warehouse, reservations per (order, SKU).
create schema if not exists inventory;

create table inventory.stock (
    sku          text    not null,
    warehouse_id text    not null,
    -- the database, not the code, guarantees that stock never goes negative
    available    integer not null check (available >= 0),
    reserved     integer not null check (reserved >= 0),
    primary key (sku, warehouse_id)
);

create table inventory.reservation (
    id           uuid primary key,
    version      bigint      not null,
    order_id     uuid        not null,
    sku          text        not null,
    warehouse_id text        not null,
    quantity     integer     not null check (quantity > 0),
    status       text        not null,
    created_at   timestamptz not null,
    -- what makes reserving idempotent per order, also under concurrency
    constraint reservation_per_order_and_sku unique (order_id, sku)
);
