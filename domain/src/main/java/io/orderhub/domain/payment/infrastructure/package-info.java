/** Persistence of payments, the simulated provider, and the wiring of the context. */
package io.orderhub.domain.payment.infrastructure;
