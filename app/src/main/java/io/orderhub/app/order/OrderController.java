package io.orderhub.app.order;

import io.orderhub.app.observability.AppMeters;
import io.orderhub.app.observability.OrdersCreatedMeter;
import io.orderhub.app.web.InvalidRequest;
import io.orderhub.domain.order.application.OrderNotFound;
import io.orderhub.domain.order.model.IdempotencyKey;
import io.orderhub.domain.order.model.Order;
import io.orderhub.domain.shared.model.OrderId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
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
  static final String PROBLEM = "application/problem+json";
  private static final int MAX_PAGE_SIZE = 100;

  static final String MIN_VERSION = "Order-Min-Version";

  private final OrderUseCases useCases;
  private OrdersCreatedMeter createdMeter;
  private OrderReads reads;

  @org.springframework.beans.factory.annotation.Autowired
  void reads(OrderReads reads) {
    this.reads = reads;
  }

  @org.springframework.beans.factory.annotation.Autowired
  void meter(OrdersCreatedMeter meter) {
    this.createdMeter = meter;
  }

  public OrderController(OrderUseCases useCases) {
    this.useCases = useCases;
  }

  // present only in orderhub.intake.mode=kafka
  private DeferredPlacement deferred;

  @org.springframework.beans.factory.annotation.Autowired(required = false)
  void deferredPlacement(DeferredPlacement deferred) {
    this.deferred = deferred;
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
  @ApiResponse(
      responseCode = "202",
      description = "orderhub.intake.mode=kafka: durable in the intake, persisted shortly")
  @ApiResponse(
      responseCode = "503",
      description = "orderhub.intake.mode=kafka: the intake cannot take it now; nothing accepted")
  public ResponseEntity<OrderView> create(
      @Parameter(in = ParameterIn.HEADER, required = true, description = "1-128 characters")
          @RequestHeader(name = IDEMPOTENCY_KEY, required = false)
          String idempotencyKey,
      @Valid @RequestBody CreateOrderRequest request) {
    IdempotencyKey key = OrderRequests.idempotencyKey(idempotencyKey, IDEMPOTENCY_KEY);
    if (deferred != null) {
      useCases.requireMayPlace(request);
      return placeDeferred(request, key);
    }
    OrderUseCases.Placed placed = useCases.create(request, key);
    OrderView view = OrderView.of(placed.order());
    if (placed.replayed()) {
      return ResponseEntity.ok().header(REPLAYED, "true").body(view);
    }
    createdMeter.placed(AppMeters.Channel.REST);
    return ResponseEntity.created(URI.create("/api/orders/" + view.id())).body(view);
  }

  private ResponseEntity<OrderView> placeDeferred(CreateOrderRequest request, IdempotencyKey key) {
    return switch (deferred.place(request, key)) {
      case DeferredPlacement.Outcome.AlreadyPlaced again ->
          ResponseEntity.ok().header(REPLAYED, "true").body(OrderView.of(again.order()));
      case DeferredPlacement.Outcome.Accepted accepted -> {
        ResponseEntity.BodyBuilder response =
            ResponseEntity.accepted().location(URI.create("/api/orders/" + accepted.view().id()));
        if (accepted.replayed()) {
          response.header(REPLAYED, "true");
        } else {
          createdMeter.placed(AppMeters.Channel.REST);
        }
        yield response.body(accepted.view());
      }
    };
  }

  @GetMapping("/{id}")
  @Operation(summary = "An order, with its current state")
  @ApiResponse(responseCode = "200", description = "the order")
  @ApiResponse(responseCode = "400", description = "the id is not an order id")
  @ApiResponse(responseCode = "404", description = "no such order")
  public OrderView get(
      @PathVariable String id,
      @Parameter(
              in = ParameterIn.HEADER,
              description =
                  "the version a change of yours answered with: the order is never older (reads"
                      + " are cached for up to 30 s)")
          @RequestHeader(name = MIN_VERSION, required = false)
          String minVersion) {
    OrderId orderId = orderId(id);
    Long floor = minVersion(minVersion);
    OrderView view;
    try {
      view = reads.read(orderId, floor);
    } catch (OrderNotFound e) {
      if (deferred == null) {
        throw e;
      }
      // acknowledged by the intake and not persisted yet — or persisted a moment ago, when the
      // intake has already forgotten it: then the second read finds it
      view = deferred.accepted(orderId).orElseGet(() -> reads.read(orderId, floor));
    }
    // the caches hold every customer's orders: to a customer, another's order does not exist
    if (!useCases.mayReach(view.customerId())) {
      throw new OrderNotFound(orderId);
    }
    return view;
  }

  private static Long minVersion(String header) {
    if (header == null) {
      return null;
    }
    try {
      return Long.valueOf(header.strip());
    } catch (NumberFormatException e) {
      throw InvalidRequest.of(MIN_VERSION, "must be an order version (a whole number)");
    }
  }

  @GetMapping
  @Operation(
      summary = "List orders: by customer, state and creation time, in pages",
      description =
          "Every filter is optional and they combine: customerId, status (repeatable or"
              + " comma-separated), createdFrom (inclusive) and createdTo (exclusive) as ISO-8601"
              + " instants. sort is property,direction with property one of createdAt, status,"
              + " total, customerId (default createdAt,desc). Unknown parameters are refused.")
  @ApiResponse(responseCode = "200", description = "one page of orders")
  @ApiResponse(
      responseCode = "400",
      description = "an unknown parameter or an invalid value; errors name it",
      content =
          @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
  public OrderPage list(
      @RequestParam(required = false) String customerId,
      @RequestParam(required = false) List<String> status,
      @RequestParam(required = false) String createdFrom,
      @RequestParam(required = false) String createdTo,
      @RequestParam(required = false) String sort,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "20") int size,
      @Parameter(hidden = true) HttpServletRequest http) {
    OrderListRequest request =
        OrderListRequest.parse(
            http.getParameterMap().keySet(),
            customerId,
            status,
            createdFrom,
            createdTo,
            sort,
            page,
            size,
            MAX_PAGE_SIZE);
    Page<Order> orders = useCases.list(request.filter(), page, size, request.sort());
    return new OrderPage(
        orders.getContent().stream().map(OrderView::of).toList(),
        page,
        size,
        orders.getTotalElements(),
        orders.getTotalPages());
  }

  @GetMapping("/{id}/history")
  @Operation(summary = "Every state the order went through, oldest first, with its time and reason")
  @ApiResponse(responseCode = "200", description = "the order's history")
  @ApiResponse(
      responseCode = "400",
      description = "the id is not an order id",
      content =
          @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(
      responseCode = "404",
      description = "no such order",
      content =
          @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
  public OrderHistoryView history(@PathVariable String id) {
    OrderId orderId = orderId(id);
    return OrderHistoryView.of(orderId, useCases.history(orderId));
  }

  /** The optional body of a cancellation. */
  public record CancellationRequest(@Size(max = 500) String reason) {}

  @PostMapping("/{id}/cancellation")
  @Operation(
      summary = "Ask for the order to be cancelled",
      description =
          "The order moves to CANCELLATION_REQUESTED and its process undoes the steps done so far,"
              + " then marks it CANCELLED (keeping the reason). Repeating the call is harmless. Of a"
              + " cancellation and a delivery report racing, exactly one is accepted.")
  @ApiResponse(responseCode = "202", description = "accepted; the process compensates")
  @ApiResponse(responseCode = "400", description = "invalid id or reason")
  @ApiResponse(responseCode = "404", description = "no such order")
  @ApiResponse(
      responseCode = "409",
      description = "the order's state does not allow it (delivered, completed, cancelled …)")
  @ApiResponse(
      responseCode = "503",
      description = "recorded, but the process engine could not be told: repeat the call")
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
  public record ReturnRequest(
      @NotBlank @Size(max = 500) String reason,
      @Schema(
              description =
                  "the goods' condition as the inspection will find it; DAMAGED ends the return"
                      + " RETURN_REJECTED. Absent: decided by the inspection (as new).")
          ItemCondition itemCondition) {}

  @PostMapping("/{id}/return")
  @Operation(
      summary = "Ask to return a delivered order",
      description =
          "Starts the order-return process (message ReturnRequested). Accepted while the order"
              + " is DELIVERED or COMPLETED, or its earlier return was rejected.")
  @ApiResponse(responseCode = "202", description = "accepted; the return process runs")
  @ApiResponse(responseCode = "400", description = "invalid id or body; errors name the fields")
  @ApiResponse(responseCode = "404", description = "no such order")
  @ApiResponse(responseCode = "409", description = "the order's state does not allow it")
  @ApiResponse(
      responseCode = "503",
      description = "recorded, but the process engine could not be told: repeat the call")
  public ResponseEntity<OrderView> requestReturn(
      @PathVariable String id, @Valid @RequestBody ReturnRequest body) {
    return ResponseEntity.status(HttpStatus.ACCEPTED)
        .body(
            OrderView.of(useCases.requestReturn(orderId(id), body.reason(), body.itemCondition())));
  }

  /** The optional body of a delivery report: what the carrier says became of the parcels. */
  public record DeliveryReport(
      @Schema(
              description = "DELIVERED (the default) or FAILED",
              allowableValues = {"DELIVERED", "FAILED"})
          DeliveryOutcome outcome,
      @Schema(description = "why the delivery failed; required with FAILED") @Size(max = 500)
          String reason) {}

  /** What the carrier reports. */
  public enum DeliveryOutcome {
    DELIVERED,
    FAILED
  }

  @PostMapping("/{id}/delivery")
  @Operation(
      summary = "Report the order delivered, or its delivery failed (the carrier's callback)",
      description =
          "DELIVERED (no body, or outcome DELIVERED): accepted while the order is DISPATCHED or"
              + " DELIVERY_FAILED; the order is DELIVERED at once and its process confirms the"
              + " delivery and completes it. FAILED: the order is DELIVERY_FAILED with the reason"
              + " and waits for a later report or a cancellation. Repeating a report is harmless."
              + " Of a delivery report and a cancellation racing, exactly one is accepted.")
  @ApiResponse(responseCode = "202", description = "recorded; the process takes it from here")
  @ApiResponse(
      responseCode = "400",
      description = "invalid id or body; errors name the fields",
      content =
          @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(
      responseCode = "404",
      description = "no such order",
      content =
          @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(
      responseCode = "409",
      description = "the order cannot be delivered now (not dispatched, cancelled, completed …)",
      content =
          @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(
      responseCode = "503",
      description = "recorded, but the process engine could not be told: repeat the call",
      content =
          @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
  public ResponseEntity<OrderView> reportDelivery(
      @PathVariable String id, @Valid @RequestBody(required = false) DeliveryReport report) {
    OrderId orderId = orderId(id);
    Order order;
    if (report != null && report.outcome() == DeliveryOutcome.FAILED) {
      if (report.reason() == null || report.reason().isBlank()) {
        throw InvalidRequest.of("reason", "is required when the outcome is FAILED");
      }
      order = useCases.reportDeliveryFailure(orderId, report.reason());
    } else {
      order = useCases.reportDelivery(orderId);
    }
    return ResponseEntity.status(HttpStatus.ACCEPTED).body(OrderView.of(order));
  }

  static OrderId orderId(String id) {
    try {
      return OrderId.of(id);
    } catch (IllegalArgumentException e) {
      throw InvalidRequest.of("id", "must be an order id (a UUID)");
    }
  }
}
