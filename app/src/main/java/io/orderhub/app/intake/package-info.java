/**
 * The Kafka intake ({@code orderhub.intake.mode=kafka}): {@code POST /api/orders} acknowledges an
 * order once it is durable on {@code orders.intake}; a consumer group persists the orders in
 * batches and starts their processes. Payment callbacks, authenticated at the HTTP edge, travel
 * over {@code payments.callbacks}. The local profile runs an in-process KRaft broker when no
 * external one is configured.
 */
package io.orderhub.app.intake;
