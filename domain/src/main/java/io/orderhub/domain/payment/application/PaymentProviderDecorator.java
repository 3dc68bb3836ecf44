package io.orderhub.domain.payment.application;

/**
 * Wraps the payment provider the payment service calls (metering, tracing), keeping its contract:
 * the decorated provider must pass every call on and rethrow what the provider throws.
 */
@FunctionalInterface
public interface PaymentProviderDecorator {

  PaymentProvider decorate(PaymentProvider provider);
}
