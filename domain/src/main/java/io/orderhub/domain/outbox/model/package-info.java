/** What the relay hands to a publisher. Plain Java. */
package io.orderhub.domain.outbox.model;
