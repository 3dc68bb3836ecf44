/**
 * The gRPC face of the order API ({@code orderhub.v1.OrderService}, generated from {@code
 * src/main/proto}) and the grpc-netty server that serves it on {@code orderhub.grpc.port}.
 */
package io.orderhub.app.grpc;
