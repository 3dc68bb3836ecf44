/**
 * The order API: its use cases ({@link io.orderhub.app.order.OrderUseCases}, shared by REST and
 * gRPC), the REST endpoints under {@code /api/orders}, request validation and the views it answers
 * with.
 */
package io.orderhub.app.order;
