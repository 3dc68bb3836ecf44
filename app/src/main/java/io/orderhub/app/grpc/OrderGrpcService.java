package io.orderhub.app.grpc;

import com.google.protobuf.Any;
import com.google.protobuf.Timestamp;
import com.google.rpc.BadRequest;
import com.google.rpc.Code;
import com.google.rpc.ErrorInfo;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.StreamObserver;
import io.orderhub.app.grpc.v1.CancelOrderRequest;
import io.orderhub.app.grpc.v1.CreateOrderResponse;
import io.orderhub.app.grpc.v1.GetOrderHistoryRequest;
import io.orderhub.app.grpc.v1.GetOrderRequest;
import io.orderhub.app.grpc.v1.ListOrdersRequest;
import io.orderhub.app.grpc.v1.ListOrdersResponse;
import io.orderhub.app.grpc.v1.Order;
import io.orderhub.app.grpc.v1.OrderHistory;
import io.orderhub.app.grpc.v1.OrderLine;
import io.orderhub.app.grpc.v1.OrderServiceGrpc;
import io.orderhub.app.grpc.v1.ReportDeliveryRequest;
import io.orderhub.app.grpc.v1.RequestReturnRequest;
import io.orderhub.app.grpc.v1.ShippingAddress;
import io.orderhub.app.observability.AppMeters;
import io.orderhub.app.observability.OrdersCreatedMeter;
import io.orderhub.app.order.CreateOrderRequest;
import io.orderhub.app.order.IdempotencyKeyReused;
import io.orderhub.app.order.ItemCondition;
import io.orderhub.app.order.OrderListRequest;
import io.orderhub.app.order.OrderRequests;
import io.orderhub.app.order.OrderUseCases;
import io.orderhub.app.process.EngineUnavailable;
import io.orderhub.app.web.FieldViolation;
import io.orderhub.app.web.InvalidRequest;
import io.orderhub.domain.order.application.OrderNotFound;
import io.orderhub.domain.order.model.IdempotencyKey;
import io.orderhub.domain.order.model.IllegalOrderTransition;
import io.orderhub.domain.order.model.OrderStateChange;
import io.orderhub.domain.shared.model.OrderId;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Page;
import org.springframework.security.access.AccessDeniedException;

/**
 * {@code orderhub.v1.OrderService}: the same use cases as the REST API, with the same validation
 * (Bean Validation on the same request type, then the same cross-field rules); field violations
 * name proto fields ({@code lines[0].unit_price}). Failures become status codes as the {@code
 * .proto} documents them.
 */
public class OrderGrpcService extends OrderServiceGrpc.OrderServiceImplBase {

  private static final Logger LOG = LoggerFactory.getLogger(OrderGrpcService.class);
  private static final String ERROR_DOMAIN = "orderhub";
  private static final int DEFAULT_PAGE_SIZE = 20;
  private static final int MAX_PAGE_SIZE = 100;

  private final OrderUseCases useCases;
  private OrdersCreatedMeter createdMeter;
  private final Validator validator;

  @org.springframework.beans.factory.annotation.Autowired
  void meter(OrdersCreatedMeter meter) {
    this.createdMeter = meter;
  }

  public OrderGrpcService(OrderUseCases useCases, Validator validator) {
    this.useCases = useCases;
    this.validator = validator;
  }

  @Override
  public void createOrder(
      io.orderhub.app.grpc.v1.CreateOrderRequest request,
      StreamObserver<CreateOrderResponse> response) {
    answer(
        response,
        () -> {
          IdempotencyKey key =
              OrderRequests.idempotencyKey(
                  blankToNull(request.getIdempotencyKey()), "idempotency_key");
          CreateOrderRequest body = validated(toRequest(request));
          OrderUseCases.Placed placed = useCases.create(body, key);
          if (!placed.replayed()) {
            createdMeter.placed(AppMeters.Channel.GRPC);
          }
          return CreateOrderResponse.newBuilder()
              .setOrder(toProto(placed.order()))
              .setReplayed(placed.replayed())
              .build();
        });
  }

  @Override
  public void getOrder(GetOrderRequest request, StreamObserver<Order> response) {
    answer(response, () -> toProto(useCases.get(orderId(request.getOrderId()))));
  }

  @Override
  public void cancelOrder(CancelOrderRequest request, StreamObserver<Order> response) {
    answer(
        response,
        () -> {
          OrderId orderId = orderId(request.getOrderId());
          String reason =
              request.getReason().isBlank() ? "cancelled by customer" : request.getReason();
          if (reason.length() > 500) {
            throw InvalidRequest.of("reason", "must be at most 500 characters");
          }
          return toProto(useCases.cancel(orderId, reason));
        });
  }

  @Override
  public void listOrders(ListOrdersRequest request, StreamObserver<ListOrdersResponse> response) {
    answer(
        response,
        () -> {
          int size = request.getSize() == 0 ? DEFAULT_PAGE_SIZE : request.getSize();
          OrderListRequest list =
              OrderListRequest.parse(
                  Set.of(),
                  blankToNull(request.getCustomerId()),
                  request.getStatusCount() == 0 ? null : request.getStatusList(),
                  request.hasCreatedFrom() ? instant(request.getCreatedFrom()).toString() : null,
                  request.hasCreatedTo() ? instant(request.getCreatedTo()).toString() : null,
                  blankToNull(request.getSort()),
                  request.getPage(),
                  size,
                  MAX_PAGE_SIZE);
          Page<io.orderhub.domain.order.model.Order> page =
              useCases.list(list.filter(), request.getPage(), size, list.sort());
          return ListOrdersResponse.newBuilder()
              .addAllItems(page.getContent().stream().map(OrderGrpcService::toProto).toList())
              .setPage(request.getPage())
              .setSize(size)
              .setTotalItems(page.getTotalElements())
              .setTotalPages(page.getTotalPages())
              .build();
        });
  }

  @Override
  public void requestReturn(RequestReturnRequest request, StreamObserver<Order> response) {
    answer(
        response,
        () -> {
          OrderId orderId = orderId(request.getOrderId());
          String reason = requiredReason(request.getReason());
          ItemCondition condition = null;
          if (!request.getItemCondition().isEmpty()) {
            try {
              condition = ItemCondition.valueOf(request.getItemCondition());
            } catch (IllegalArgumentException e) {
              throw InvalidRequest.of("itemCondition", "must be AS_NEW or DAMAGED");
            }
          }
          return toProto(useCases.requestReturn(orderId, reason, condition));
        });
  }

  @Override
  public void reportDelivery(ReportDeliveryRequest request, StreamObserver<Order> response) {
    answer(
        response,
        () -> {
          OrderId orderId = orderId(request.getOrderId());
          return switch (request.getOutcome()) {
            case DELIVERED -> toProto(useCases.reportDelivery(orderId));
            case FAILED ->
                toProto(
                    useCases.reportDeliveryFailure(orderId, requiredReason(request.getReason())));
            case UNRECOGNIZED -> throw InvalidRequest.of("outcome", "must be DELIVERED or FAILED");
          };
        });
  }

  @Override
  public void getOrderHistory(
      GetOrderHistoryRequest request, StreamObserver<OrderHistory> response) {
    answer(
        response,
        () -> {
          OrderId orderId = orderId(request.getOrderId());
          OrderHistory.Builder history = OrderHistory.newBuilder().setOrderId(orderId.asString());
          for (OrderStateChange change : useCases.history(orderId)) {
            history.addEntries(
                io.orderhub.app.grpc.v1.OrderStateChange.newBuilder()
                    .setStatus(change.status().name())
                    .setReason(change.reason() == null ? "" : change.reason())
                    .setEvent(change.eventType())
                    .setAt(timestamp(change.occurredAt())));
          }
          return history.build();
        });
  }

  private static String requiredReason(String reason) {
    if (reason.isBlank()) {
      throw InvalidRequest.of("reason", "is required");
    }
    if (reason.length() > 500) {
      throw InvalidRequest.of("reason", "must be at most 500 characters");
    }
    return reason;
  }

  private static Instant instant(Timestamp timestamp) {
    return Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos());
  }

  private static Timestamp timestamp(Instant instant) {
    return Timestamp.newBuilder()
        .setSeconds(instant.getEpochSecond())
        .setNanos(instant.getNano())
        .build();
  }

  private static <T> void answer(StreamObserver<T> response, Supplier<T> call) {
    T result;
    try {
      result = call.get();
    } catch (RuntimeException e) {
      response.onError(toStatus(e));
      return;
    }
    response.onNext(result);
    response.onCompleted();
  }

  // ---- requests --------------------------------------------------------------------------------

  private CreateOrderRequest validated(CreateOrderRequest request) {
    Set<ConstraintViolation<CreateOrderRequest>> violations = validator.validate(request);
    if (!violations.isEmpty()) {
      throw new InvalidRequest(
          violations.stream()
              .map(v -> new FieldViolation(v.getPropertyPath().toString(), v.getMessage()))
              .toList());
    }
    return request;
  }

  private static CreateOrderRequest toRequest(io.orderhub.app.grpc.v1.CreateOrderRequest request) {
    List<FieldViolation> violations = new ArrayList<>();
    List<CreateOrderRequest.Line> lines = new ArrayList<>();
    for (int i = 0; i < request.getLinesCount(); i++) {
      OrderLine line = request.getLines(i);
      lines.add(
          new CreateOrderRequest.Line(
              blankToNull(line.getSku()),
              line.getQuantity(),
              decimal(line.getUnitPrice(), "lines[" + i + "].unitPrice", violations),
              blankToNull(line.getCurrency())));
    }
    if (!violations.isEmpty()) {
      throw new InvalidRequest(violations);
    }
    CreateOrderRequest.Address address = null;
    if (request.hasShippingAddress()) {
      ShippingAddress a = request.getShippingAddress();
      address =
          new CreateOrderRequest.Address(
              blankToNull(a.getRecipient()),
              blankToNull(a.getStreet()),
              blankToNull(a.getCity()),
              blankToNull(a.getPostalCode()),
              blankToNull(a.getCountryCode()));
    }
    return new CreateOrderRequest(blankToNull(request.getCustomerId()), lines, address);
  }

  private static BigDecimal decimal(String text, String field, List<FieldViolation> violations) {
    if (text.isBlank()) {
      return null;
    }
    try {
      return new BigDecimal(text);
    } catch (NumberFormatException e) {
      violations.add(new FieldViolation(field, "must be a decimal number such as 12.50"));
      return null;
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isEmpty() ? null : value;
  }

  private static OrderId orderId(String id) {
    try {
      return OrderId.of(id);
    } catch (IllegalArgumentException e) {
      throw InvalidRequest.of("orderId", "must be an order id (a UUID)");
    }
  }

  // ---- responses -------------------------------------------------------------------------------

  static Order toProto(io.orderhub.domain.order.model.Order order) {
    var address = order.shippingAddress();
    Instant created = order.createdAt();
    return Order.newBuilder()
        .setId(order.orderId().asString())
        .setCustomerId(order.customerId().asString())
        .setStatus(order.status().name())
        .setStatusReason(order.statusReason().orElse(""))
        .addAllLines(
            order.lines().stream()
                .map(
                    line ->
                        OrderLine.newBuilder()
                            .setSku(line.sku().asString())
                            .setQuantity(line.quantity())
                            .setUnitPrice(line.unitPrice().amount().toPlainString())
                            .setCurrency(line.unitPrice().currency().getCurrencyCode())
                            .build())
                .toList())
        .setShippingAddress(
            ShippingAddress.newBuilder()
                .setRecipient(address.recipient())
                .setStreet(address.street())
                .setCity(address.city())
                .setPostalCode(address.postalCode())
                .setCountryCode(address.countryCode()))
        .setTotal(order.total().amount().toPlainString())
        .setCurrency(order.total().currency().getCurrencyCode())
        .setCreatedAt(
            Timestamp.newBuilder().setSeconds(created.getEpochSecond()).setNanos(created.getNano()))
        .setVersion(order.version())
        .build();
  }

  // ---- errors ----------------------------------------------------------------------------------

  static StatusRuntimeException toStatus(RuntimeException e) {
    return switch (e) {
      case InvalidRequest invalid -> {
        BadRequest.Builder details = BadRequest.newBuilder();
        invalid.violations().stream()
            .sorted(Comparator.comparing(FieldViolation::field))
            .forEach(
                v ->
                    details.addFieldViolations(
                        BadRequest.FieldViolation.newBuilder()
                            .setField(protoPath(v.field()))
                            .setDescription(v.message())));
        yield status(Code.INVALID_ARGUMENT, invalid.getMessage(), Any.pack(details.build()));
      }
      case OrderNotFound notFound ->
          status(Code.NOT_FOUND, "There is no order " + notFound.orderId(), null);
      case IllegalOrderTransition illegal ->
          status(
              Code.FAILED_PRECONDITION,
              "Order "
                  + illegal.orderId()
                  + " is "
                  + illegal.current()
                  + " and cannot "
                  + illegal.attempted().verb()
                  + " from there",
              Any.pack(
                  ErrorInfo.newBuilder()
                      .setReason("ILLEGAL_TRANSITION")
                      .setDomain(ERROR_DOMAIN)
                      .putMetadata("orderId", illegal.orderId().asString())
                      .putMetadata("currentState", illegal.current().name())
                      .putMetadata("attempted", illegal.attempted().target().name())
                      .build()));
      case IdempotencyKeyReused reused ->
          status(
              Code.ALREADY_EXISTS,
              "The idempotency key was used before for an order with other content: "
                  + reused.getMessage(),
              Any.pack(
                  ErrorInfo.newBuilder()
                      .setReason("IDEMPOTENCY_KEY_REUSED")
                      .setDomain(ERROR_DOMAIN)
                      .putMetadata("existingOrderId", reused.existingOrderId().asString())
                      .build()));
      case AccessDeniedException denied ->
          status(Code.PERMISSION_DENIED, denied.getMessage(), null);
      case EngineUnavailable unavailable ->
          status(
              Code.UNAVAILABLE,
              "The change is recorded, but the process engine could not be told; repeat the call",
              null);
      default -> {
        LOG.error("Unexpected failure of a gRPC order call", e);
        yield status(Code.INTERNAL, "Unexpected error", null);
      }
    };
  }

  private static StatusRuntimeException status(Code code, String message, Any detail) {
    com.google.rpc.Status.Builder status =
        com.google.rpc.Status.newBuilder().setCode(code.getNumber()).setMessage(message);
    if (detail != null) {
      status.addDetails(detail);
    }
    return StatusProto.toStatusRuntimeException(status.build());
  }

  /** {@code shippingAddress.postalCode} -> {@code shipping_address.postal_code}. */
  static String protoPath(String field) {
    return field.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
  }
}
