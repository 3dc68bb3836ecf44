/**
 * Request payments, take the provider's callbacks, refund; each call one transaction. The provider
 * is a port ({@link io.orderhub.domain.payment.application.PaymentProvider}).
 */
package io.orderhub.domain.payment.application;
