package io.orderhub.app.grpc;

import static io.orderhub.app.Fixtures.uniqueCustomer;
import static io.orderhub.app.Fixtures.uniqueKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.BadRequest;
import com.google.rpc.ErrorInfo;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.NettyChannelBuilder;
import io.grpc.protobuf.StatusProto;
import io.orderhub.app.ApplicationTest;
import io.orderhub.app.Jobs;
import io.orderhub.app.TestTokens;
import io.orderhub.app.grpc.v1.CancelOrderRequest;
import io.orderhub.app.grpc.v1.CreateOrderRequest;
import io.orderhub.app.grpc.v1.CreateOrderResponse;
import io.orderhub.app.grpc.v1.GetOrderRequest;
import io.orderhub.app.grpc.v1.Order;
import io.orderhub.app.grpc.v1.OrderLine;
import io.orderhub.app.grpc.v1.OrderServiceGrpc;
import io.orderhub.app.grpc.v1.ShippingAddress;
import io.orderhub.domain.order.application.OrderService;
import io.orderhub.domain.shared.model.OrderId;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class OrderGrpcTest extends ApplicationTest {

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
  void shouldCreateAnOrderOnceAndStartOneProcess() {
    CreateOrderRequest request = request(uniqueCustomer(), uniqueKey());

    CreateOrderResponse created = stub.createOrder(request);
    CreateOrderResponse retried = stub.createOrder(request);

    assertThat(created.getReplayed()).isFalse();
    assertThat(retried.getReplayed()).isTrue();
    assertThat(retried.getOrder().getId()).isEqualTo(created.getOrder().getId());
    Order order = created.getOrder();
    assertThat(order.getStatus()).isEqualTo("CREATED");
    assertThat(order.getTotal()).isEqualTo("29.99");
    assertThat(order.getLinesList())
        .extracting(OrderLine::getSku)
        .containsExactly("SKU-1001", "SKU-1002");
    assertThat(Jobs.await(camunda, "test.fulfil", Jobs.forOrder(order.getId()))).hasSize(1);
    assertThat(stub.getOrder(GetOrderRequest.newBuilder().setOrderId(order.getId()).build()))
        .isEqualTo(order);
  }

  @Test
  void shouldRefuseAKeyReusedForAnotherOrderAsAlreadyExists() {
    String customer = uniqueCustomer();
    String key = uniqueKey();
    stub.createOrder(request(customer, key));

    StatusRuntimeException refused =
        catchThrowableOfType(
            StatusRuntimeException.class,
            () ->
                stub.createOrder(
                    request(customer, key).toBuilder()
                        .setLines(0, line("SKU-1003", 5, "1.00"))
                        .build()));

    assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.ALREADY_EXISTS);
  }

  @Test
  void shouldAnswerInvalidArgumentNamingEachField() throws InvalidProtocolBufferException {
    CreateOrderRequest invalid =
        CreateOrderRequest.newBuilder()
            .setIdempotencyKey(uniqueKey())
            .setCustomerId(uniqueCustomer())
            .addLines(line("SKU-1001", 0, "1.00"))
            .addLines(line("SKU-1002", 1, "abc"))
            .build();

    StatusRuntimeException refused =
        catchThrowableOfType(StatusRuntimeException.class, () -> stub.createOrder(invalid));

    assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(violations(refused)).containsExactly("lines[1].unit_price");

    StatusRuntimeException shape =
        catchThrowableOfType(
            StatusRuntimeException.class,
            () ->
                stub.createOrder(
                    invalid.toBuilder().setLines(1, line("SKU-1002", 1, "2.00")).build()));
    assertThat(violations(shape)).containsExactly("lines[0].quantity", "shipping_address");

    StatusRuntimeException noKey =
        catchThrowableOfType(
            StatusRuntimeException.class,
            () -> stub.createOrder(request(uniqueCustomer(), "").toBuilder().build()));
    assertThat(violations(noKey)).containsExactly("idempotency_key");
  }

  @Test
  void shouldAnswerNotFoundForAnUnknownOrder() {
    StatusRuntimeException missing =
        catchThrowableOfType(
            StatusRuntimeException.class,
            () ->
                stub.getOrder(
                    GetOrderRequest.newBuilder().setOrderId(OrderId.newId().asString()).build()));

    assertThat(missing.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
  }

  @Test
  void shouldCancelAndRefuseWhatCannotBeCancelled() throws InvalidProtocolBufferException {
    Order order = stub.createOrder(request(uniqueCustomer(), uniqueKey())).getOrder();
    Jobs.await(camunda, "test.fulfil", Jobs.forOrder(order.getId()));

    Order cancelling =
        stub.cancelOrder(
            CancelOrderRequest.newBuilder()
                .setOrderId(order.getId())
                .setReason("too slow")
                .build());

    assertThat(cancelling.getStatus()).isEqualTo("CANCELLATION_REQUESTED");
    assertThat(Jobs.await(camunda, "test.cancel", Jobs.forOrder(order.getId()))).hasSize(1);

    orders.change(OrderId.of(order.getId()), o -> o.markCancelled());
    StatusRuntimeException refused =
        catchThrowableOfType(
            StatusRuntimeException.class,
            () ->
                stub.cancelOrder(
                    CancelOrderRequest.newBuilder().setOrderId(order.getId()).build()));
    assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
    assertThat(refused.getStatus().getDescription()).contains("CANCELLED");
    ErrorInfo info =
        StatusProto.fromThrowable(refused).getDetailsList().getFirst().unpack(ErrorInfo.class);
    assertThat(info.getMetadataMap()).containsEntry("currentState", "CANCELLED");
  }

  private static List<String> violations(StatusRuntimeException e)
      throws InvalidProtocolBufferException {
    return StatusProto.fromThrowable(e)
        .getDetailsList()
        .getFirst()
        .unpack(BadRequest.class)
        .getFieldViolationsList()
        .stream()
        .map(BadRequest.FieldViolation::getField)
        .toList();
  }

  private static CreateOrderRequest request(String customer, String key) {
    return CreateOrderRequest.newBuilder()
        .setIdempotencyKey(key)
        .setCustomerId(customer)
        .addLines(line("SKU-1001", 2, "12.50"))
        .addLines(line("SKU-1002", 1, "4.99"))
        .setShippingAddress(
            ShippingAddress.newBuilder()
                .setRecipient("Ada Lovelace")
                .setStreet("1 Analytical Street")
                .setCity("London")
                .setPostalCode("N1 9GU")
                .setCountryCode("GB"))
        .build();
  }

  private static OrderLine line(String sku, int quantity, String unitPrice) {
    return OrderLine.newBuilder()
        .setSku(sku)
        .setQuantity(quantity)
        .setUnitPrice(unitPrice)
        .setCurrency("EUR")
        .build();
  }
}
