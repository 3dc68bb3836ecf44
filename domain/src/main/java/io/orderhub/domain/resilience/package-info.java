/**
 * Guards around calls that leave the process (payment providers, the carrier): a bulkhead bounds
 * how many calls run at once, a time limit bounds how long the caller waits, and a circuit breaker
 * stops calling a dependency that keeps failing until it had time to recover. Built on
 * Resilience4j's core modules, wired by hand. A guarded call that does not happen or does not
 * answer in time ends in a {@link io.orderhub.domain.resilience.DependencyUnavailable}, which
 * workers turn into a job failure with a back-off.
 */
package io.orderhub.domain.resilience;
