/**
 * Dynamic-weight routing of new payments over several providers: each provider's weight follows its
 * recent error rate and latency (exponentially weighted moving averages of the calls it served), a
 * provider whose circuit breaker is open gets nothing, and every other one keeps a small probe
 * share so that a recovered provider is noticed and wins its traffic back. A payment keeps the
 * provider it was routed to (see {@link io.orderhub.domain.payment.application.PaymentRouting}).
 */
package io.orderhub.domain.payment.routing;
