package io.orderhub.app.security;

import static io.orderhub.app.security.Role.CARRIER;
import static io.orderhub.app.security.Role.CUSTOMER;
import static io.orderhub.app.security.Role.OPERATOR;

import io.grpc.MethodDescriptor;
import io.orderhub.app.grpc.v1.OrderServiceGrpc;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpMethod;

/**
 * Who may do what on the order API: one row per operation, naming its REST route and its gRPC
 * method, so both entrances apply the same rule. A route or method missing here is for operators
 * only (see {@link ApiSecurityConfiguration}, {@link BearerTokenInterceptor}); on top of the role,
 * a customer reaches only their own orders ({@link CurrentCaller}). The README's table mirrors this
 * one, and {@code AccessDoorsTest} holds both entrances to it.
 */
public enum ApiOperation {
  PLACE_ORDER(HttpMethod.POST, "/api/orders", OrderServiceGrpc.getCreateOrderMethod(), CUSTOMER),
  LIST_ORDERS(HttpMethod.GET, "/api/orders", OrderServiceGrpc.getListOrdersMethod(), CUSTOMER),
  GET_ORDER(HttpMethod.GET, "/api/orders/{id}", OrderServiceGrpc.getGetOrderMethod(), CUSTOMER),
  ORDER_HISTORY(
      HttpMethod.GET,
      "/api/orders/{id}/history",
      OrderServiceGrpc.getGetOrderHistoryMethod(),
      CUSTOMER),
  CANCEL_ORDER(
      HttpMethod.POST,
      "/api/orders/{id}/cancellation",
      OrderServiceGrpc.getCancelOrderMethod(),
      CUSTOMER),
  REQUEST_RETURN(
      HttpMethod.POST,
      "/api/orders/{id}/return",
      OrderServiceGrpc.getRequestReturnMethod(),
      CUSTOMER),
  REPORT_DELIVERY(
      HttpMethod.POST,
      "/api/orders/{id}/delivery",
      OrderServiceGrpc.getReportDeliveryMethod(),
      CARRIER),
  READ_STOCK(HttpMethod.GET, "/api/stock", null, CUSTOMER),
  READ_SKU_STOCK(HttpMethod.GET, "/api/stock/{sku}", null, CUSTOMER),
  COUNT_STOCK(HttpMethod.PUT, "/api/stock/{sku}/{warehouseId}", null);

  private final HttpMethod method;
  private final String path;
  private final MethodDescriptor<?, ?> grpcMethod;
  private final Set<Role> roles;

  /** {@code roles}: who besides operators, who may do everything. */
  ApiOperation(HttpMethod method, String path, MethodDescriptor<?, ?> grpcMethod, Role... roles) {
    this.method = method;
    this.path = path;
    this.grpcMethod = grpcMethod;
    this.roles = EnumSet.of(OPERATOR, roles);
  }

  public HttpMethod method() {
    return method;
  }

  /** The route's path pattern, as the controller maps it. */
  public String path() {
    return path;
  }

  public Set<Role> roles() {
    return Set.copyOf(roles);
  }

  String[] roleNames() {
    return roles.stream().map(Role::roleName).toArray(String[]::new);
  }

  /** The operation behind a gRPC method ({@code orderhub.v1.OrderService/GetOrder}). */
  public static Optional<ApiOperation> ofGrpc(String fullMethodName) {
    for (ApiOperation operation : values()) {
      if (operation.grpcMethod != null
          && operation.grpcMethod.getFullMethodName().equals(fullMethodName)) {
        return Optional.of(operation);
      }
    }
    return Optional.empty();
  }
}
