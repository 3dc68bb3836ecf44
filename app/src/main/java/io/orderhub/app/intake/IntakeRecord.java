package io.orderhub.app.intake;

import io.orderhub.app.order.CreateOrderRequest;
import java.time.Instant;

/**
 * One order on {@code orders.intake}, as JSON: the validated request and its key, so the consumer
 * derives the very command the edge validated (the order id is a function of both).
 *
 * @param orderId the id the edge assigned (and answered in Location); the record's key too
 */
public record IntakeRecord(
    String orderId, String idempotencyKey, Instant acceptedAt, CreateOrderRequest request) {}
