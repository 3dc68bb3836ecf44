-- Every state an order went through, with when and why: written with the order's change in one
-- transaction and never purged (the outbox may be, once relayed).
create table orders.order_history (
    position    bigint generated always as identity primary key,
    order_id    uuid        not null,
    status      text        not null,
    reason      text,
    event_type  text        not null,
    occurred_at timestamptz not null
);
create index order_history_order on orders.order_history (order_id, position);

-- orders placed before this table existed: their history as far as the outbox still holds it
insert into orders.order_history (order_id, status, reason, event_type, occurred_at)
select cast(e.aggregate_id as uuid),
       case e.event_type
           when 'OrderCreated' then 'CREATED'
           when 'OrderValidated' then 'VALIDATED'
           when 'OrderRejected' then 'REJECTED'
           when 'OrderStockReserved' then 'STOCK_RESERVED'
           when 'OrderOutOfStock' then 'OUT_OF_STOCK'
           when 'OrderPaymentRequested' then 'PAYMENT_PENDING'
           when 'OrderPaid' then 'PAID'
           when 'OrderPaymentFailed' then 'PAYMENT_FAILED'
           when 'OrderPaymentTimedOut' then 'PAYMENT_TIMED_OUT'
           when 'OrderRouted' then 'ROUTED'
           when 'OrderDispatchStarted' then 'DISPATCHING'
           when 'OrderDispatched' then 'DISPATCHED'
           when 'OrderDeliveryFailed' then 'DELIVERY_FAILED'
           when 'OrderDelivered' then 'DELIVERED'
           when 'OrderCompleted' then 'COMPLETED'
           when 'OrderCancellationRequested' then 'CANCELLATION_REQUESTED'
           when 'OrderCancelled' then 'CANCELLED'
           when 'OrderReturnRequested' then 'RETURN_REQUESTED'
           when 'OrderReturnApproved' then 'RETURN_APPROVED'
           when 'OrderReturnRejected' then 'RETURN_REJECTED'
           when 'OrderReturnPickedUp' then 'RETURN_PICKED_UP'
           when 'OrderReturnReceived' then 'RETURN_RECEIVED'
           when 'OrderReturnInspected' then 'RETURN_INSPECTED'
           when 'OrderRefunded' then 'REFUNDED'
           when 'OrderReturned' then 'RETURNED'
       end,
       e.payload ->> 'reason',
       e.event_type,
       e.occurred_at
from outbox.outbox_event e
where e.aggregate_type = 'Order'
order by e.position;
