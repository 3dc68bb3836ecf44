-- The operators' lists: by state and by creation time, newest first.
create index customer_order_status_created on orders.customer_order (status, created_at desc);
create index customer_order_created on orders.customer_order (created_at desc);
