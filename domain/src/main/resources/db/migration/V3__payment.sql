-- Payment context: one payment per order.
create schema if not exists payment;

create table payment.payment (
    id                 uuid primary key,
    version            bigint         not null,
    order_id           uuid           not null,
    amount             numeric(19, 4) not null check (amount > 0),
    currency           text           not null,
    status             text           not null,
    provider_reference text,
    refund_reference   text,
    requested_at       timestamptz    not null,
    -- what makes requesting a payment idempotent per order: never two charges
    constraint payment_per_order unique (order_id)
);
