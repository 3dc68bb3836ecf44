-- The simulated payment provider's own books (local runs and tests only; a real provider keeps its
-- own): what it was asked to charge, its answer, whether that answer reached us, and its refunds.
-- Kept in PostgreSQL so a restarted application can still refund a charge and re-send an answer it
-- owed when it stopped.
create table payment.simulated_charge (
    payment_id       uuid primary key,
    amount           numeric(19, 4) not null,
    currency         text           not null,
    answer           text           not null,
    answer_reference text           not null,
    charge_requests  int            not null,
    charged_at       timestamptz    not null default now(),
    -- null while the answer is owed: it is sent (again) until the callback went through
    delivered_at     timestamptz,
    refund_reference text,
    refund_requests  int            not null default 0
);

create index simulated_charge_owed on payment.simulated_charge (charged_at) where delivered_at is null;
