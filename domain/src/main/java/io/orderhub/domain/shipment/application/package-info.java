/** Route, dispatch, deliver and recall shipments; each call one transaction. */
package io.orderhub.domain.shipment.application;
