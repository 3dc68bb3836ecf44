package io.orderhub.domain.payment.application;

import io.orderhub.domain.payment.model.Payment;

/**
 * The order's payment after a request. {@code created} is false when an earlier request had created
 * it (nothing new was charged).
 */
public record RequestedPayment(Payment payment, boolean created) {}
