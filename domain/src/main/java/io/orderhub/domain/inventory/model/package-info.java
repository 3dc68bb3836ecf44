/**
 * The reservation aggregate and stock. JPA annotations map the entities directly (no separate
 * persistence model); no Spring.
 */
package io.orderhub.domain.inventory.model;
