/**
 * Payment: one payment per order against an external provider, answered asynchronously by a
 * callback; refunds as compensation.
 *
 * <pre>
 * REQUESTED --callback CONFIRMED--&gt; CAPTURED --refund--&gt; REFUNDED
 * REQUESTED --callback DECLINED---&gt; DECLINED
 * REQUESTED --refund--------------&gt; VOIDED   (cancelled before the provider answered)
 * VOIDED    --callback CONFIRMED--&gt; REFUNDED (captured after all: refunded at once)
 * VOIDED    --callback DECLINED---&gt; DECLINED
 * </pre>
 *
 * A callback for a payment in any other state is a duplicate (or a late contradiction) and is
 * ignored; money moves at most once each way.
 */
package io.orderhub.domain.payment;
