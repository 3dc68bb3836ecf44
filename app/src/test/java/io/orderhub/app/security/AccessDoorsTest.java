package io.orderhub.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Message;
import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.ClientCalls;
import io.orderhub.app.ApplicationTest;
import io.orderhub.app.Http;
import io.orderhub.app.TestTokens;
import io.orderhub.app.grpc.GrpcServer;
import io.orderhub.app.grpc.v1.OrderServiceGrpc;
import io.orderhub.app.security.Identities.Identity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Knocks on every door of the order API — each REST route the application maps and each method of
 * the gRPC service, enumerated from the running application so that a route added later cannot
 * escape — with no token, with refused tokens (not a JWT, bad signature, expired, wrong audience,
 * wrong issuer) and with each role. The expected answer comes from {@link #WHO_MAY}, the README's
 * table; a route missing from it fails the test.
 */
class AccessDoorsTest extends ApplicationTest {

  /** No token needed; a token that is sent must still be valid. */
  private static final Set<String> PUBLIC = Set.of("*");

  /** Authenticated by an HMAC signature; tokens play no part. */
  private static final Set<String> SIGNED = Set.of("hmac");

  private static final Set<String> CUSTOMERS = Set.of("customer", "operator");

  /** Who may do what: the README's table ("*": public, no token needed). */
  static final Map<String, Set<String>> WHO_MAY =
      Map.ofEntries(
          Map.entry("POST /api/orders", CUSTOMERS),
          Map.entry("GET /api/orders", CUSTOMERS),
          Map.entry("GET /api/orders/{id}", CUSTOMERS),
          Map.entry("GET /api/orders/{id}/history", CUSTOMERS),
          Map.entry("POST /api/orders/{id}/cancellation", CUSTOMERS),
          Map.entry("POST /api/orders/{id}/return", CUSTOMERS),
          Map.entry("POST /api/orders/{id}/delivery", Set.of("carrier", "operator")),
          Map.entry("GET /api/stock", CUSTOMERS),
          Map.entry("GET /api/stock/{sku}", CUSTOMERS),
          Map.entry("PUT /api/stock/{sku}/{warehouseId}", Set.of("operator")),
          // HMAC-signed instead of a token (PaymentWebhookSignatureTest)
          Map.entry("POST /api/payments/callbacks", SIGNED),
          // the local profile's issuer and OpenAPI document (absent elsewhere, LocalOnlyTest)
          Map.entry("POST /local/token", PUBLIC),
          Map.entry("GET /local/jwks.json", PUBLIC),
          Map.entry("GET /v3/api-docs", PUBLIC),
          Map.entry("GET /v3/api-docs.yaml", PUBLIC),
          Map.entry("GET /v3/api-docs/swagger-config", PUBLIC),
          Map.entry("GET /swagger-ui.html", PUBLIC),
          Map.entry("GET /error", PUBLIC));

  /** The same for gRPC ({@code orderhub.v1.OrderService}). */
  static final Map<String, Set<String>> GRPC_WHO_MAY =
      Map.of(
          "CreateOrder", CUSTOMERS,
          "ListOrders", CUSTOMERS,
          "GetOrder", CUSTOMERS,
          "GetOrderHistory", CUSTOMERS,
          "CancelOrder", CUSTOMERS,
          "RequestReturn", CUSTOMERS,
          "ReportDelivery", Set.of("carrier", "operator"));

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  @Autowired LocalIssuer issuer;
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

  /** A route as the application maps it: method and path pattern. */
  record Route(String method, String pattern) {

    String concrete() {
      return pattern
          .replace("{id}", UUID.randomUUID().toString())
          .replace("{sku}", "SKU-1001")
          .replace("{warehouseId}", "WH-DOORS");
    }

    @Override
    public String toString() {
      return method + " " + pattern;
    }
  }

  @Test
  void shouldAnswerEveryRestRouteAsTheTableSays() {
    List<Route> routes = routes();
    assertThat(routes).extracting(Route::toString).contains("POST /api/orders");
    List<Identity> identities = Identities.all(httpPort, issuer);

    List<String> wrong = new ArrayList<>();
    int doors = 0;
    for (Route route : routes) {
      Set<String> allowed = WHO_MAY.get(route.toString());
      if (allowed == null) {
        wrong.add(route + ": not in the who-may-do-what table (README, AccessDoorsTest.WHO_MAY)");
        continue;
      }
      for (Identity identity : identities) {
        doors++;
        Http.Response answer = knock(route, identity);
        String expected = expected(allowed, identity);
        String seen = outcome(answer);
        if (!expected.equals(seen)) {
          wrong.add(route + " as " + identity + ": expected " + expected + ", got " + answer);
        }
      }
    }
    System.out.printf(
        "REST doors knocked: %d routes x %d identities = %d%n",
        routes.size(), identities.size(), doors);
    assertThat(wrong).isEmpty();
  }

  @Test
  void shouldAnswerEveryGrpcMethodAsTheTableSays() {
    List<Identity> identities = Identities.all(httpPort, issuer);
    List<String> wrong = new ArrayList<>();
    int doors = 0;
    var methods = OrderServiceGrpc.getServiceDescriptor().getMethods();
    for (MethodDescriptor<?, ?> method : methods) {
      Set<String> allowed = GRPC_WHO_MAY.get(method.getBareMethodName());
      if (allowed == null) {
        wrong.add(method.getFullMethodName() + ": not in the who-may-do-what table");
        continue;
      }
      for (Identity identity : identities) {
        doors++;
        Status.Code code = call(method, identity);
        String expected = expected(allowed, identity);
        String seen =
            switch (code) {
              case UNAUTHENTICATED -> "401";
              case PERMISSION_DENIED -> "403";
              default -> "through";
            };
        if (!expected.equals(seen)) {
          wrong.add(
              method.getBareMethodName()
                  + " as "
                  + identity
                  + ": expected "
                  + expected
                  + ", got "
                  + code);
        }
      }
    }
    System.out.printf(
        "gRPC doors knocked: %d methods x %d identities = %d%n",
        methods.size(), identities.size(), doors);
    assertThat(wrong).isEmpty();
  }

  @Test
  void shouldAskForATokenOnReflectionButNotOnHealth() {
    // answered without a token (whatever the status: a context the test framework paused and
    // resumed reports NOT_SERVING)
    var health = io.grpc.health.v1.HealthGrpc.newBlockingStub(channel);
    assertThat(health.check(io.grpc.health.v1.HealthCheckRequest.getDefaultInstance()).getStatus())
        .isNotNull();

    var reflection = io.grpc.reflection.v1.ServerReflectionGrpc.getServerReflectionInfoMethod();
    var refused = new java.util.concurrent.CompletableFuture<Throwable>();
    var call =
        channel.newCall(reflection, CallOptions.DEFAULT.withDeadlineAfter(30, TimeUnit.SECONDS));
    ClientCalls.asyncBidiStreamingCall(
            call,
            new io.grpc.stub.StreamObserver<io.grpc.reflection.v1.ServerReflectionResponse>() {
              @Override
              public void onNext(io.grpc.reflection.v1.ServerReflectionResponse value) {
                refused.complete(null);
              }

              @Override
              public void onError(Throwable t) {
                refused.complete(t);
              }

              @Override
              public void onCompleted() {
                refused.complete(null);
              }
            })
        .onNext(
            io.grpc.reflection.v1.ServerReflectionRequest.newBuilder().setListServices("").build());

    assertThat(Status.fromThrowable(refused.join()).getCode())
        .isEqualTo(Status.Code.UNAUTHENTICATED);
  }

  // ---- knocking -------------------------------------------------------------------------------

  private static String expected(Set<String> allowed, Identity identity) {
    if (allowed == SIGNED || (allowed == PUBLIC && identity.token() == null)) {
      return "through";
    }
    if (!identity.valid()) {
      return "401";
    }
    return allowed == PUBLIC || allowed.contains(identity.role()) ? "through" : "403";
  }

  /**
   * 401/403 of the token layer (the problem types of AccessProblems), else "through": the request
   * reached the route, which may refuse it on its own (400, 404, the callback's signature 401).
   */
  private static String outcome(Http.Response answer) {
    String type = answer.json().path("type").asString("");
    if (answer.status() == 401 && type.equals(AccessProblems.UNAUTHENTICATED.toString())) {
      assertThat(answer.header("WWW-Authenticate")).as(answer.toString()).startsWith("Bearer");
      assertThat(answer.contentType()).startsWith("application/problem+json");
      return "401";
    }
    if (answer.status() == 403 && type.equals(AccessProblems.FORBIDDEN.toString())) {
      assertThat(answer.contentType()).startsWith("application/problem+json");
      return "403";
    }
    return "through";
  }

  private Http.Response knock(Route route, Identity identity) {
    Http http = new Http(httpPort).as(identity.token());
    String body = route.method().equals("GET") ? null : "{}";
    return http.send(route.method(), route.concrete(), body);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private Status.Code call(MethodDescriptor<?, ?> method, Identity identity) {
    CallOptions options = CallOptions.DEFAULT.withDeadlineAfter(30, TimeUnit.SECONDS);
    if (identity.token() != null) {
      options = options.withCallCredentials(TestTokens.bearer(identity.token()));
    }
    Message request =
        ((MethodDescriptor.PrototypeMarshaller<Message>) method.getRequestMarshaller())
            .getMessagePrototype();
    try {
      ClientCalls.blockingUnaryCall(channel, (MethodDescriptor) method, options, request);
      return Status.Code.OK;
    } catch (StatusRuntimeException e) {
      return e.getStatus().getCode();
    }
  }

  private List<Route> routes() {
    Set<String> seen = new TreeSet<>();
    List<Route> routes = new ArrayList<>();
    mappings
        .getHandlerMethods()
        .keySet()
        .forEach(
            info -> {
              Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
              for (String pattern : info.getPatternValues()) {
                for (RequestMethod method :
                    methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                  Route route = new Route(method.name(), pattern);
                  if (seen.add(route.toString())) {
                    routes.add(route);
                  }
                }
              }
            });
    return routes;
  }
}
