package io.orderhub.app.security;

import static io.orderhub.app.Fixtures.key;
import static io.orderhub.app.Fixtures.orderJson;
import static io.orderhub.app.Fixtures.uniqueCustomer;
import static io.orderhub.app.Fixtures.uniqueKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.NettyChannelBuilder;
import io.orderhub.app.ApplicationTest;
import io.orderhub.app.Http;
import io.orderhub.app.TestTokens;
import io.orderhub.app.grpc.GrpcServer;
import io.orderhub.app.grpc.v1.CancelOrderRequest;
import io.orderhub.app.grpc.v1.CreateOrderRequest;
import io.orderhub.app.grpc.v1.GetOrderHistoryRequest;
import io.orderhub.app.grpc.v1.GetOrderRequest;
import io.orderhub.app.grpc.v1.ListOrdersRequest;
import io.orderhub.app.grpc.v1.OrderLine;
import io.orderhub.app.grpc.v1.OrderServiceGrpc;
import io.orderhub.app.grpc.v1.RequestReturnRequest;
import io.orderhub.app.grpc.v1.ShippingAddress;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * A customer reaches only their own orders: another customer's order does not exist for them (404
 * over REST, NOT_FOUND over gRPC — never 403, which would confirm the id), their lists hold only
 * their own orders, and they cannot place an order for someone else (403 / PERMISSION_DENIED).
 */
class OwnershipTest extends ApplicationTest {

  @Autowired GrpcServer grpcServer;

  private ManagedChannel channel;

  @BeforeEach
  void connect() {
    channel = NettyChannelBuilder.forAddress("localhost", grpcServer.port()).usePlaintext().build();
  }

  @AfterEach
  void disconnect() throws InterruptedException {
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
  }

  @Test
  void shouldHideAnotherCustomersOrderOverRest() {
    String alice = uniqueCustomer();
    String bob = uniqueCustomer();
    Http asAlice = http().asCustomer(alice);
    Http asBob = http().asCustomer(bob);
    Http.Response placed = asAlice.post("/api/orders", orderJson(alice), key(uniqueKey()));
    assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
    String id = placed.json().path("id").asString();

    assertThat(asAlice.get("/api/orders/" + id).status()).isEqualTo(200);
    assertThat(asAlice.get("/api/orders/" + id + "/history").status()).isEqualTo(200);
    for (Http.Response refused :
        List.of(
            asBob.get("/api/orders/" + id),
            asBob.get("/api/orders/" + id + "/history"),
            asBob.post("/api/orders/" + id + "/cancellation", "{\"reason\":\"not mine\"}"),
            asBob.post("/api/orders/" + id + "/return", "{\"reason\":\"not mine\"}"))) {
      assertThat(refused.status()).as(refused.toString()).isEqualTo(404);
      assertThat(refused.json().path("type").asString())
          .isEqualTo("urn:orderhub:problem:not-found");
    }
    // the refused cancellation changed nothing
    assertThat(http().get("/api/orders/" + id).json().path("status").asString())
        .isNotIn("CANCELLATION_REQUESTED", "CANCELLED");
  }

  @Test
  void shouldListOnlyTheCustomersOwnOrders() {
    String alice = uniqueCustomer();
    String bob = uniqueCustomer();
    String alicesOrder = place(alice);
    String bobsOrder = place(bob);

    JsonNode own = http().asCustomer(bob).get("/api/orders?size=100").json();
    assertThat(ids(own)).contains(bobsOrder).doesNotContain(alicesOrder);
    assertThat(own.path("items").valueStream().map(o -> o.path("customerId").asString()))
        .containsOnly(bob);
    JsonNode asked = http().asCustomer(bob).get("/api/orders?customerId=" + alice).json();
    assertThat(asked.path("items")).isEmpty();
    assertThat(asked.path("totalItems").asLong()).isZero();
    // an operator sees both
    assertThat(ids(http().get("/api/orders?customerId=" + alice).json())).contains(alicesOrder);
  }

  @Test
  void shouldRefuseToPlaceAnOrderForAnotherCustomer() {
    String alice = uniqueCustomer();
    Http.Response refused =
        http().asCustomer(alice).post("/api/orders", orderJson(uniqueCustomer()), key(uniqueKey()));

    assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
    assertThat(refused.contentType()).startsWith("application/problem+json");
    assertThat(refused.json().path("detail").asString()).contains("customerId");
  }

  @Test
  void shouldHideAnotherCustomersOrderOverGrpc() {
    String alice = uniqueCustomer();
    String bob = uniqueCustomer();
    var asAlice = stub(alice);
    var asBob = stub(bob);
    String id = asAlice.createOrder(create(alice)).getOrder().getId();

    assertThat(asAlice.getOrder(GetOrderRequest.newBuilder().setOrderId(id).build()).getId())
        .isEqualTo(id);
    List<Runnable> foreign =
        List.of(
            () -> asBob.getOrder(GetOrderRequest.newBuilder().setOrderId(id).build()),
            () -> asBob.getOrderHistory(GetOrderHistoryRequest.newBuilder().setOrderId(id).build()),
            () ->
                asBob.cancelOrder(
                    CancelOrderRequest.newBuilder().setOrderId(id).setReason("not mine").build()),
            () ->
                asBob.requestReturn(
                    RequestReturnRequest.newBuilder()
                        .setOrderId(id)
                        .setReason("not mine")
                        .build()));
    for (Runnable call : foreign) {
      StatusRuntimeException refused =
          catchThrowableOfType(StatusRuntimeException.class, call::run);
      assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
    }
    assertThat(
            asBob
                .listOrders(ListOrdersRequest.newBuilder().setCustomerId(alice).build())
                .getItemsList())
        .isEmpty();
    assertThat(asAlice.listOrders(ListOrdersRequest.getDefaultInstance()).getItemsList())
        .extracting(o -> o.getCustomerId())
        .containsOnly(alice);

    StatusRuntimeException forSomeoneElse =
        catchThrowableOfType(StatusRuntimeException.class, () -> asBob.createOrder(create(alice)));
    assertThat(forSomeoneElse.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
  }

  private String place(String customer) {
    Http.Response placed =
        http().asCustomer(customer).post("/api/orders", orderJson(customer), key(uniqueKey()));
    assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
    return placed.json().path("id").asString();
  }

  private static List<String> ids(JsonNode page) {
    return page.path("items").valueStream().map(o -> o.path("id").asString()).toList();
  }

  private OrderServiceGrpc.OrderServiceBlockingStub stub(String customer) {
    return OrderServiceGrpc.newBlockingStub(channel)
        .withCallCredentials(TestTokens.bearer(TestTokens.local(httpPort, "customer", customer)))
        .withDeadlineAfter(30, TimeUnit.SECONDS);
  }

  private static CreateOrderRequest create(String customer) {
    return CreateOrderRequest.newBuilder()
        .setIdempotencyKey(uniqueKey())
        .setCustomerId(customer)
        .addLines(
            OrderLine.newBuilder()
                .setSku("SKU-1001")
                .setQuantity(1)
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
