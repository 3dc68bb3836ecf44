/**
 * Shared kernel of the bounded contexts: the identifiers every context keys its data by ({@link
 * io.orderhub.domain.shared.model.OrderId}, {@link io.orderhub.domain.shared.model.Sku}, {@link
 * io.orderhub.domain.shared.model.WarehouseId}), {@link io.orderhub.domain.shared.model.Money}, and
 * the event-recording base of all aggregates.
 *
 * <p>Plain Java: no Spring, no JPA. Kept deliberately small — anything that only one context needs
 * lives in that context.
 */
package io.orderhub.domain.shared.model;
