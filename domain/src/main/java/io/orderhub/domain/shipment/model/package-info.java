/** The shipment aggregate and its parcels. JPA annotations map them directly; no Spring. */
package io.orderhub.domain.shipment.model;
