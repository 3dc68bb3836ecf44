/**
 * The payment provider's webhook: callbacks are applied to the payment and become the messages
 * {@code PaymentConfirmed}/{@code PaymentFailed} of the order's process.
 */
package io.orderhub.app.payment;
