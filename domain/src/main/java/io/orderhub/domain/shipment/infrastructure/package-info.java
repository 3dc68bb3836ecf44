/**
 * Persistence of shipments, the adapter to the inventory context, and the wiring of the context.
 */
package io.orderhub.domain.shipment.infrastructure;
