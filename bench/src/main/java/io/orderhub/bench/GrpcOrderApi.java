package io.orderhub.bench;

import com.google.common.util.concurrent.FutureCallback;
import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.MoreExecutors;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.stub.MetadataUtils;
import io.orderhub.app.grpc.v1.CreateOrderRequest;
import io.orderhub.app.grpc.v1.CreateOrderResponse;
import io.orderhub.app.grpc.v1.OrderLine;
import io.orderhub.app.grpc.v1.OrderServiceGrpc;
import io.orderhub.app.grpc.v1.ShippingAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** {@code orderhub.v1.OrderService/CreateOrder} through the generated stub, one HTTP/2 channel. */
final class GrpcOrderApi implements OrderApi {

  private final ManagedChannel channel;
  private final OrderServiceGrpc.OrderServiceFutureStub stub;

  GrpcOrderApi(int port, String token) {
    this.channel = ManagedChannelBuilder.forAddress("localhost", port).usePlaintext().build();
    OrderServiceGrpc.OrderServiceFutureStub plain = OrderServiceGrpc.newFutureStub(channel);
    if (token != null) {
      Metadata headers = new Metadata();
      headers.put(
          Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + token);
      plain = plain.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
    }
    this.stub = plain;
  }

  @Override
  public String name() {
    return "gRPC";
  }

  @Override
  public CompletableFuture<String> create(String customerId, String idempotencyKey) {
    CreateOrderRequest request =
        CreateOrderRequest.newBuilder()
            .setIdempotencyKey(idempotencyKey)
            .setCustomerId(customerId)
            .addLines(
                OrderLine.newBuilder()
                    .setSku(OrderBodies.SKU)
                    .setQuantity(1)
                    .setUnitPrice("10.00")
                    .setCurrency("EUR"))
            .setShippingAddress(
                ShippingAddress.newBuilder()
                    .setRecipient("Ada")
                    .setStreet("1 Street")
                    .setCity("London")
                    .setPostalCode("N1")
                    .setCountryCode("GB"))
            .build();
    CompletableFuture<String> result = new CompletableFuture<>();
    Futures.addCallback(
        stub.withDeadlineAfter(60, TimeUnit.SECONDS).createOrder(request),
        new FutureCallback<CreateOrderResponse>() {
          @Override
          public void onSuccess(CreateOrderResponse response) {
            result.complete(response.getOrder().getId());
          }

          @Override
          public void onFailure(Throwable failure) {
            result.completeExceptionally(failure);
          }
        },
        MoreExecutors.directExecutor());
    return result;
  }

  @Override
  public void close() {
    channel.shutdownNow();
  }
}
