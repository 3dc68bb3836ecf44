-- A line larger than any one warehouse's stock is reserved in parts, one per warehouse. The parts
-- are numbered per (order, SKU) from 0, so two racing reservations of one order still collide on
-- part 0 and reserving stays idempotent per order.
alter table inventory.reservation add column part_no integer not null default 0 check (part_no >= 0);
alter table inventory.reservation drop constraint reservation_per_order_and_sku;
alter table inventory.reservation
    add constraint reservation_per_order_sku_and_part unique (order_id, sku, part_no);
