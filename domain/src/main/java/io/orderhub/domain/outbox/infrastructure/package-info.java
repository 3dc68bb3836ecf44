/** The outbox table (plain JDBC, so it joins the JPA transaction) and the event JSON format. */
package io.orderhub.domain.outbox.infrastructure;
