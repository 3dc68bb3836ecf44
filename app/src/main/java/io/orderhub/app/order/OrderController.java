package io.orderhub.app.order;

import io.orderhub.app.observability.AppMeters;
import io.orderhub.app.observability.OrdersCreatedMeter;
import io.orderhub.app.web.InvalidRequest;
import io.orderhub.domain.order.model.CustomerId;
import io.orderhub.domain.order.model.IdempotencyKey;
import io.orderhub.domain.order.model.Order;
import io.orderhub.domain.shared.model.OrderId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import org.springframework.data.domain.Page;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/orders}: place, read, list, cancel and return orders. */
@RestController
@RequestMapping("/api/orders")
@Tag(name = "orders")
public class OrderController {

  static final String IDEMPOTENCY_KEY = "Idempotency-Key";
  static final String REPLAYED = "Idempotent-Replayed";
  private static final int MAX_PAGE_SIZE = 100;

  private final OrderUseCases useCases;
  private OrdersCreatedMeter createdMeter;

  @org.springframework.beans.factory.annotation.Autowired
  void meter(OrdersCreatedMeter meter) {
    this.createdMeter = meter;
  }

  public OrderController(OrderUseCases useCases) {
    this.useCases = useCases;
  }

  @PostMapping
  @Operation(
      summary = "Place an order and start its fulfilment",
      description =
          "Idempotent per customer and Idempotency-Key: the same key with the same body answers"
              + " 200 with the order of the first attempt (header Idempotent-Replayed: true); the"
              + " same key with another body is refused with 422.")
  @ApiResponse(responseCode = "201", description = "placed")
  @ApiResponse(responseCode = "200", description = "placed before with this key")
  @ApiResponse(responseCode = "400", description = "invalid request; errors name the fields")
  @ApiResponse(responseCode = "422", description = "the key was used for another order")
  public ResponseEntity<OrderView> create(
      @Parameter(in = ParameterIn.HEADER, required = true, description = "1-128 characters")
          @RequestHeader(name = IDEMPOTENCY_KEY, required = false)
          String idempotencyKey,
      @Valid @RequestBody CreateOrderRequest request) {
    IdempotencyKey key = OrderRequests.idempotencyKey(idempotencyKey, IDEMPOTENCY_KEY);
    OrderUseCases.Placed placed = useCases.create(request, key);
    OrderView view = OrderView.of(placed.order());
    if (placed.replayed()) {
      return ResponseEntity.ok().header(REPLAYED, "true").body(view);
    }
    createdMeter.placed(AppMeters.Channel.REST);
    return ResponseEntity.created(URI.create("/api/orders/" + view.id())).body(view);
  }

  @GetMapping("/{id}")
  @Operation(summary = "An order, with its current state")
  @ApiResponse(responseCode = "404", description = "no such order")
  public OrderView get(@PathVariable String id) {
    return OrderView.of(useCases.get(orderId(id)));
  }

  @GetMapping
  @Operation(summary = "A customer's orders, newest first")
  public OrderPage list(
      @RequestParam(required = false) String customerId,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "20") int size) {
    if (customerId == null || customerId.isBlank()) {
      throw InvalidRequest.of("customerId", "is required");
    }
    if (page < 0) {
      throw InvalidRequest.of("page", "must be 0 or more");
    }
    if (size < 1 || size > MAX_PAGE_SIZE) {
      throw InvalidRequest.of("size", "must be between 1 and " + MAX_PAGE_SIZE);
    }
    CustomerId customer;
    try {
      customer = CustomerId.of(customerId);
    } catch (IllegalArgumentException e) {
      throw InvalidRequest.of("customerId", "must be 1-64 characters without surrounding blanks");
    }
    Page<Order> orders = useCases.list(customer, page, size);
    return new OrderPage(
        orders.getContent().stream().map(OrderView::of).toList(),
        page,
        size,
        orders.getTotalElements(),
        orders.getTotalPages());
  }

  /** The optional body of a cancellation. */
  public record CancellationRequest(@Size(max = 500) String reason) {}

  @PostMapping("/{id}/cancellation")
  @Operation(
      summary = "Ask for the order to be cancelled",
      description =
          "The order moves to CANCELLATION_REQUESTED and its process undoes the steps done so far,"
              + " then marks it CANCELLED. Repeating the call is harmless.")
  @ApiResponse(responseCode = "409", description = "the order's state does not allow it")
  public ResponseEntity<OrderView> cancel(
      @PathVariable String id, @Valid @RequestBody(required = false) CancellationRequest body) {
    String reason =
        body == null || body.reason() == null || body.reason().isBlank()
            ? "cancelled by customer"
            : body.reason();
    return ResponseEntity.status(HttpStatus.ACCEPTED)
        .body(OrderView.of(useCases.cancel(orderId(id), reason)));
  }

  /** The body of a return request. */
  public record ReturnRequest(@NotBlank @Size(max = 500) String reason) {}

  @PostMapping("/{id}/return")
  @Operation(
      summary = "Ask to return a delivered order",
      description = "Starts the order-return process (message ReturnRequested).")
  @ApiResponse(responseCode = "409", description = "the order's state does not allow it")
  public ResponseEntity<OrderView> requestReturn(
      @PathVariable String id, @Valid @RequestBody ReturnRequest body) {
    return ResponseEntity.status(HttpStatus.ACCEPTED)
        .body(OrderView.of(useCases.requestReturn(orderId(id), body.reason())));
  }

  @PostMapping("/{id}/delivery")
  @Operation(
      summary = "Report the order delivered (the carrier's callback)",
      description =
          "Publishes OrderDelivered for the order's process, which confirms the delivery and"
              + " completes the order. Repeating the call is harmless.")
  public ResponseEntity<OrderView> reportDelivery(@PathVariable String id) {
    return ResponseEntity.status(HttpStatus.ACCEPTED)
        .body(OrderView.of(useCases.reportDelivery(orderId(id))));
  }

  static OrderId orderId(String id) {
    try {
      return OrderId.of(id);
    } catch (IllegalArgumentException e) {
      throw InvalidRequest.of("id", "must be an order id (a UUID)");
    }
  }
}
