/** Persistence of stock and reservations (Spring Data JPA), and the wiring of the context. */
package io.orderhub.domain.inventory.infrastructure;
