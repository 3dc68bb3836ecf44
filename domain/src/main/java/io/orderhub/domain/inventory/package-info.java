/**
 * Inventory: stock per SKU and warehouse, and reservations of it per (order, SKU).
 *
 * <p>Stock counters: {@code available} can be promised to new orders; {@code reserved} is promised
 * to an order but still in the warehouse. Reserving moves units from available to reserved with a
 * conditional {@code UPDATE ... WHERE available >= :quantity}, so the database itself refuses to
 * oversell, whatever the concurrency; check constraints keep both counters non-negative.
 *
 * <p>A reservation's lifecycle and its effect on the counters:
 *
 * <pre>
 * RESERVED --ship()----&gt; SHIPPED      reserved -= q            (goods left with a parcel)
 * RESERVED --release()-&gt; RELEASED     reserved -= q, available += q
 * SHIPPED  --release()-&gt; RELEASED     available += q           (a recalled parcel came back)
 * SHIPPED  --restock()-&gt; RESTOCKED    available += q           (a returned parcel came back)
 * RESERVED --restock()-&gt; RESTOCKED    reserved -= q, available += q
 * </pre>
 *
 * Repeating release/restock/ship on a reservation already in the resulting state changes nothing.
 */
package io.orderhub.domain.inventory;
