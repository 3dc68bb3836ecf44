package io.orderhub.app.web;

/**
 * One offending field of a request: its path in the request as the client wrote it ({@code
 * lines[0].quantity}, {@code shippingAddress.countryCode}, or a header name such as {@code
 * Idempotency-Key}) and what is wrong with it.
 */
public record FieldViolation(String field, String message) {}
