/** Persistence of orders (Spring Data JPA) and the wiring of the order context. */
package io.orderhub.domain.order.infrastructure;
