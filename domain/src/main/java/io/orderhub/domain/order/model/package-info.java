/**
 * The order aggregate, its state machine ({@link io.orderhub.domain.order.model.OrderStatus},
 * {@link io.orderhub.domain.order.model.OrderTransition}), events and value types. Plain Java plus
 * JPA mapping annotations; no Spring. The transition table is documented in the {@code order}
 * package.
 */
package io.orderhub.domain.order.model;
