-- Several payment providers behind a weighted router. A payment belongs to the provider chosen when
-- it was created: retries and the refund go there, so a retry after a time-out cannot charge twice
-- at another provider. Null for payments from before providers were named (the default provider).
alter table payment.payment add column provider text;

-- The simulator plays several providers; each keeps its own books, so a payment charged at two of
-- them would show up as two rows (the tests prove there never is such a payment).
alter table payment.simulated_charge add column provider text not null default 'simulated';
alter table payment.simulated_charge drop constraint simulated_charge_pkey;
alter table payment.simulated_charge add primary key (payment_id, provider);
