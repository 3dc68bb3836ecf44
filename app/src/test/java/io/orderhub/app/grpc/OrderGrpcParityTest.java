package io.orderhub.app.grpc;

import static io.orderhub.app.Fixtures.uniqueCustomer;
import static io.orderhub.app.Fixtures.uniqueKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.protobuf.Timestamp;
import com.google.rpc.BadRequest;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.netty.NettyChannelBuilder;
import io.grpc.protobuf.StatusProto;
import io.grpc.reflection.v1.ServerReflectionGrpc;
import io.grpc.reflection.v1.ServerReflectionRequest;
import io.grpc.reflection.v1.ServerReflectionResponse;
import io.grpc.reflection.v1.ServiceResponse;
import io.grpc.stub.StreamObserver;
import io.orderhub.app.ApplicationTest;
import io.orderhub.app.TestTokens;
import io.orderhub.app.grpc.v1.CancelOrderRequest;
import io.orderhub.app.grpc.v1.CreateOrderRequest;
import io.orderhub.app.grpc.v1.GetOrderHistoryRequest;
import io.orderhub.app.grpc.v1.ListOrdersRequest;
import io.orderhub.app.grpc.v1.ListOrdersResponse;
import io.orderhub.app.grpc.v1.Order;
import io.orderhub.app.grpc.v1.OrderHistory;
import io.orderhub.app.grpc.v1.OrderLine;
import io.orderhub.app.grpc.v1.OrderServiceGrpc;
import io.orderhub.app.grpc.v1.ReportDeliveryRequest;
import io.orderhub.app.grpc.v1.RequestReturnRequest;
import io.orderhub.app.grpc.v1.ShippingAddress;
import io.orderhub.domain.order.application.OrderService;
import io.orderhub.domain.order.model.PaymentReference;
import io.orderhub.domain.shared.model.OrderId;
import io.orderhub.domain.shared.model.WarehouseId;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * gRPC parity with REST (issue 9, item 9): list, return, delivery and history over the same use
 * cases, plus server reflection and the standard health service.
 */
class OrderGrpcParityTest extends ApplicationTest {

  @Autowired GrpcServer server;
  @Autowired OrderService orders;

  private ManagedChannel channel;
  private OrderServiceGrpc.OrderServiceBlockingStub stub;

  @BeforeEach
  void connect() {
    channel = NettyChannelBuilder.forAddress("localhost", server.port()).usePlaintext().build();
    stub =
        OrderServiceGrpc.newBlockingStub(channel)
            .withCallCredentials(TestTokens.bearer(TestTokens.operator(httpPort)))
            .withDeadlineAfter(30, TimeUnit.SECONDS);
  }

  @AfterEach
  void disconnect() throws InterruptedException {
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
  }

  @Test
  void shouldListOrdersByCustomerStatusAndTime() {
    String customer = uniqueCustomer();
    Instant before = Instant.now().minusSeconds(1);
    Order first = create(customer);
    Order second = create(customer);
    stub.cancelOrder(CancelOrderRequest.newBuilder().setOrderId(second.getId()).build());

    ListOrdersResponse all =
        stub.listOrders(
            ListOrdersRequest.newBuilder()
                .setCustomerId(customer)
                .setCreatedFrom(timestamp(before))
                .setSort("createdAt,asc")
                .build());
    ListOrdersResponse created =
        stub.listOrders(
            ListOrdersRequest.newBuilder().setCustomerId(customer).addStatus("CREATED").build());

    assertThat(all.getItemsList())
        .extracting(Order::getId)
        .containsExactly(first.getId(), second.getId());
    assertThat(all.getTotalItems()).isEqualTo(2);
    assertThat(created.getItemsList()).extracting(Order::getId).containsExactly(first.getId());
    StatusRuntimeException invalid =
        catchThrowableOfType(
            StatusRuntimeException.class,
            () ->
                stub.listOrders(
                    ListOrdersRequest.newBuilder().addStatus("LOST").setSize(500).build()));
    assertThat(invalid.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(violations(invalid)).containsExactly("size", "status");
  }

  @Test
  void shouldReportDeliveryAndRequestAReturnAndTellTheHistory() {
    Order order = create(uniqueCustomer());
    StatusRuntimeException early =
        catchThrowableOfType(
            StatusRuntimeException.class,
            () ->
                stub.reportDelivery(
                    ReportDeliveryRequest.newBuilder().setOrderId(order.getId()).build()));
    assertThat(early.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
    dispatch(OrderId.of(order.getId()));

    Order failed =
        stub.reportDelivery(
            ReportDeliveryRequest.newBuilder()
                .setOrderId(order.getId())
                .setOutcome(ReportDeliveryRequest.Outcome.FAILED)
                .setReason("nobody home")
                .build());
    Order delivered =
        stub.reportDelivery(ReportDeliveryRequest.newBuilder().setOrderId(order.getId()).build());
    Order returned =
        stub.requestReturn(
            RequestReturnRequest.newBuilder()
                .setOrderId(order.getId())
                .setReason("too small")
                .setItemCondition("AS_NEW")
                .build());
    OrderHistory history =
        stub.getOrderHistory(GetOrderHistoryRequest.newBuilder().setOrderId(order.getId()).build());

    assertThat(failed.getStatus()).isEqualTo("DELIVERY_FAILED");
    assertThat(failed.getStatusReason()).isEqualTo("nobody home");
    assertThat(delivered.getStatus()).isEqualTo("DELIVERED");
    assertThat(returned.getStatus()).isEqualTo("RETURN_REQUESTED");
    assertThat(history.getEntriesList())
        .extracting(e -> e.getStatus())
        .endsWith("DISPATCHED", "DELIVERY_FAILED", "DISPATCHED", "DELIVERED", "RETURN_REQUESTED");
    assertThat(history.getEntriesList().getFirst().getStatus()).isEqualTo("CREATED");
    assertThat(history.getEntriesList().getLast().getReason()).isEqualTo("too small");
    StatusRuntimeException badCondition =
        catchThrowableOfType(
            StatusRuntimeException.class,
            () ->
                stub.requestReturn(
                    RequestReturnRequest.newBuilder()
                        .setOrderId(order.getId())
                        .setReason("x")
                        .setItemCondition("MEH")
                        .build()));
    assertThat(violations(badCondition)).containsExactly("item_condition");
  }

  @Test
  void shouldRefuseANulCharacterAsInvalidArgumentNotInternal() {
    CreateOrderRequest request =
        request(uniqueCustomer()).toBuilder()
            .setShippingAddress(
                request(uniqueCustomer()).getShippingAddress().toBuilder().setCity("Lon\u0000don"))
            .build();

    StatusRuntimeException refused =
        catchThrowableOfType(StatusRuntimeException.class, () -> stub.createOrder(request));

    assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(violations(refused)).containsExactly("shipping_address.city");
  }

  @Test
  void shouldAnswerHealthChecks() {
    HealthGrpc.HealthBlockingStub health = HealthGrpc.newBlockingStub(channel);

    assertThat(health.check(HealthCheckRequest.getDefaultInstance()).getStatus())
        .isEqualTo(HealthCheckResponse.ServingStatus.SERVING);
    assertThat(
            health
                .check(
                    HealthCheckRequest.newBuilder().setService("orderhub.v1.OrderService").build())
                .getStatus())
        .isEqualTo(HealthCheckResponse.ServingStatus.SERVING);
  }

  @Test
  void shouldListTheServicesThroughReflection() throws Exception {
    CompletableFuture<List<String>> services = new CompletableFuture<>();
    StreamObserver<ServerReflectionRequest> requests =
        ServerReflectionGrpc.newStub(channel)
            .withCallCredentials(TestTokens.bearer(TestTokens.operator(httpPort)))
            .serverReflectionInfo(
                new StreamObserver<>() {
                  @Override
                  public void onNext(ServerReflectionResponse response) {
                    services.complete(
                        response.getListServicesResponse().getServiceList().stream()
                            .map(ServiceResponse::getName)
                            .toList());
                  }

                  @Override
                  public void onError(Throwable t) {
                    services.completeExceptionally(t);
                  }

                  @Override
                  public void onCompleted() {}
                });
    requests.onNext(ServerReflectionRequest.newBuilder().setListServices("").build());
    requests.onCompleted();

    assertThat(services.get(30, TimeUnit.SECONDS))
        .contains("orderhub.v1.OrderService", "grpc.health.v1.Health");
  }

  private void dispatch(OrderId id) {
    PaymentReference payment = PaymentReference.of("PAY-" + id);
    orders.change(
        id,
        o -> {
          o.markValidated();
          o.markStockReserved();
          o.markPaymentRequested(payment);
          o.markPaid(payment);
          o.markRouted(List.of(WarehouseId.of("WH-NORTH")));
          o.markDispatching();
          o.markDispatched();
        });
  }

  private Order create(String customer) {
    return stub.createOrder(request(customer)).getOrder();
  }

  private static List<String> violations(StatusRuntimeException e) {
    try {
      return StatusProto.fromThrowable(e)
          .getDetailsList()
          .getFirst()
          .unpack(BadRequest.class)
          .getFieldViolationsList()
          .stream()
          .map(BadRequest.FieldViolation::getField)
          .toList();
    } catch (Exception unpack) {
      throw new AssertionError(e.getStatus() + " has no BadRequest details", unpack);
    }
  }

  private static Timestamp timestamp(Instant instant) {
    return Timestamp.newBuilder()
        .setSeconds(instant.getEpochSecond())
        .setNanos(instant.getNano())
        .build();
  }

  private static CreateOrderRequest request(String customer) {
    return CreateOrderRequest.newBuilder()
        .setIdempotencyKey(uniqueKey())
        .setCustomerId(customer)
        .addLines(
            OrderLine.newBuilder()
                .setSku("SKU-1001")
                .setQuantity(2)
                .setUnitPrice("12.50")
                .setCurrency("EUR"))
        .setShippingAddress(
            ShippingAddress.newBuilder()
                .setRecipient("Ada Lovelace")
                .setStreet("1 Analytical Street")
                .setCity("London")
                .setPostalCode("N1 9GU")
                .setCountryCode("GB"))
        .build();
  }
}
