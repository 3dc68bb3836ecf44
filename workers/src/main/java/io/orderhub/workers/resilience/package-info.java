/**
 * How workers fail a job when a guarded dependency (payment provider, carrier) is unavailable: see
 * {@link io.orderhub.workers.resilience.RetryLater}.
 */
package io.orderhub.workers.resilience;
