/** Reserve, release, ship and restock stock for orders; each call one transaction. */
package io.orderhub.domain.inventory.application;
