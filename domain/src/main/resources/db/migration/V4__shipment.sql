-- Shipment context: one shipment per order, one parcel per package.
create schema if not exists shipment;

create table shipment.shipment (
    id        uuid primary key,
    version   bigint      not null,
    order_id  uuid        not null,
    status    text        not null,
    routed_at timestamptz not null,
    constraint shipment_per_order unique (order_id)
);

create table shipment.parcel (
    id              uuid primary key,
    shipment_id     uuid    not null references shipment.shipment (id) on delete cascade,
    package_no      integer not null check (package_no > 0),
    warehouse_id    text    not null,
    status          text    not null,
    tracking_number text,
    constraint parcel_package_no unique (shipment_id, package_no)
);

create table shipment.parcel_item (
    parcel_id uuid    not null references shipment.parcel (id) on delete cascade,
    sku       text    not null,
    quantity  integer not null check (quantity > 0),
    primary key (parcel_id, sku)
);
