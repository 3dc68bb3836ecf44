/**
 * Shipment: routing an order's goods to parcels, dispatching each parcel, delivery, and recall as
 * compensation.
 *
 * <p>Routing rule: the reservation already decided where the goods are, so each warehouse holding
 * reserved units of the order ships one parcel (package numbers 1..n in warehouse-id order). Each
 * parcel books a dispatch slot at its warehouse ({@code DispatchSlots}) on the first day that has
 * room: a fulfilment node hands at most its daily capacity of parcels to carriers a day. Redis
 * books when configured ({@code infrastructure.noderedis}), PostgreSQL records every booking and
 * books itself while Redis is away.
 *
 * <pre>
 * shipment: ROUTED --first dispatch--&gt; DISPATCHING --last dispatch--&gt; DISPATCHED --&gt; DELIVERED
 *           ROUTED | DISPATCHING | DISPATCHED --recall--&gt; RECALLED
 * parcel:   PENDING --dispatch--&gt; DISPATCHED --delivery--&gt; DELIVERED
 *           PENDING --recall--&gt; CANCELLED;  DISPATCHED --recall--&gt; RECALLED
 * </pre>
 */
package io.orderhub.domain.shipment;
