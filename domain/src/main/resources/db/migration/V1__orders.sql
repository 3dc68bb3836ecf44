-- Order context: the order aggregate and its lines.
create schema if not exists orders;

create table orders.customer_order (
    id                uuid primary key,
    version           bigint         not null,
    customer_id       text           not null,
    idempotency_key   text           not null,
    status            text           not null,
    ship_recipient    text           not null,
    ship_street       text           not null,
    ship_city         text           not null,
    ship_postal_code  text           not null,
    ship_country_code text           not null,
    total_amount      numeric(19, 4) not null,
    currency          text           not null,
    status_reason     text,
    payment_reference text,
    created_at        timestamptz    not null,
    -- a retried submission finds the order of the first one
    constraint customer_order_idempotency unique (customer_id, idempotency_key)
);

create index customer_order_status on orders.customer_order (status);

create table orders.order_line (
    order_id   uuid           not null references orders.customer_order (id) on delete cascade,
    line_no    integer        not null,
    sku        text           not null,
    quantity   integer        not null check (quantity > 0),
    unit_price numeric(19, 4) not null check (unit_price >= 0),
    currency   text           not null,
    primary key (order_id, line_no)
);
