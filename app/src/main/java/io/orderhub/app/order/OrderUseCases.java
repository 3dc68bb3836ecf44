package io.orderhub.app.order;

import io.orderhub.app.process.EngineUnavailable;
import io.orderhub.app.process.ProcessMessages;
import io.orderhub.app.process.ProcessStarter;
import io.orderhub.app.web.ControlCharacters;
import io.orderhub.domain.order.application.OrderNotFound;
import io.orderhub.domain.order.application.OrderService;
import io.orderhub.domain.order.application.PlaceOrder;
import io.orderhub.domain.order.application.PlaceOrderResult;
import io.orderhub.domain.order.model.CustomerId;
import io.orderhub.domain.order.model.IdempotencyKey;
import io.orderhub.domain.order.model.Order;
import io.orderhub.domain.order.model.OrderStateChange;
import io.orderhub.domain.order.model.OrderStatus;
import io.orderhub.domain.shared.model.OrderId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The order API's use cases, shared by REST and gRPC so both answer the same way. Each delegates
 * the state change to the domain's {@link OrderService} and then tells the process (start it,
 * publish a message).
 *
 * <p>Failures surface as the domain's exceptions ({@code OrderNotFound}, {@code
 * IllegalOrderTransition}), as {@link IdempotencyKeyReused}, {@code InvalidRequest} or {@code
 * EngineUnavailable}; the adapters map them to status codes.
 */
public class OrderUseCases {

  private static final Logger LOG = LoggerFactory.getLogger(OrderUseCases.class);
  private static final int CHANGE_ATTEMPTS = 3;

  private final OrderService orders;
  private final OrderQueries queries;
  private final ProcessStarter starter;
  private final ProcessMessages messages;
  private final TransactionTemplate readOnly;
  private final KnownSkus knownSkus;
  private final OrderAccess access;

  /** {@code access}: whose orders the caller may reach (a customer: only their own). */
  public OrderUseCases(
      OrderService orders,
      OrderQueries queries,
      ProcessStarter starter,
      ProcessMessages messages,
      TransactionTemplate readOnly,
      KnownSkus knownSkus,
      OrderAccess access) {
    this.knownSkus = knownSkus;
    this.access = access;
    this.orders = orders;
    this.queries = queries;
    this.starter = starter;
    this.messages = messages;
    this.readOnly = readOnly;
  }

  /** A placed order, and whether it existed before this request. */
  public record Placed(Order order, boolean replayed) {}

  /**
   * Places the order (idempotently per customer and key) and makes sure its process runs. The
   * process start never fails the request: should the engine be away, the order stays persisted and
   * the retry sweep starts it.
   *
   * @throws IdempotencyKeyReused when the key was used for an order with other content
   */
  public Placed create(CreateOrderRequest request, IdempotencyKey key) {
    requireMayPlace(request);
    PlaceOrder command = OrderRequests.toCommand(request, key);
    knownSkus.requireKnown(command.lines());
    Placed placed =
        switch (orders.place(command)) {
          case PlaceOrderResult.Created created -> new Placed(created.order(), false);
          case PlaceOrderResult.AlreadyPlaced again -> new Placed(again.order(), true);
          case PlaceOrderResult.KeyReused reused ->
              throw new IdempotencyKeyReused(reused.order().orderId(), reused.reason());
        };
    try {
      ProcessStarter.Outcome outcome =
          placed.replayed()
              ? starter.ensureStarted(placed.order())
              : starter.startPlaced(placed.order());
      if (outcome instanceof ProcessStarter.Outcome.Deferred d) {
        LOG.warn(
            "Order {} is placed; its process starts later: {}",
            placed.order().orderId(),
            d.reason());
      }
    } catch (RuntimeException e) {
      LOG.warn(
          "Order {} is placed; its process starts later: {}",
          placed.order().orderId(),
          e.toString());
    }
    return placed;
  }

  /**
   * @throws io.orderhub.domain.order.application.OrderNotFound when there is no such order
   */
  public Order get(OrderId orderId) {
    return visible(orders.get(orderId));
  }

  /** The orders that pass {@code filter}, in {@code sort} order (ties broken by id). */
  public Page<Order> list(OrderFilter filter, int page, int size, Sort sort) {
    PageRequest request = PageRequest.of(page, size, sort.and(Sort.by(Sort.Order.asc("id"))));
    Optional<CustomerId> own = access.restrictedTo();
    if (own.isPresent()) {
      if (filter.customer() != null && !filter.customer().equals(own.get())) {
        return Page.empty(request); // another customer's orders do not exist for this one
      }
      OrderFilter mine =
          new OrderFilter(own.get(), filter.statuses(), filter.createdFrom(), filter.createdTo());
      return readOnly.execute(status -> queries.findAll(mine.specification(), request));
    }
    return readOnly.execute(status -> queries.findAll(filter.specification(), request));
  }

  /**
   * Every state the order went through, with its time and reason.
   *
   * @throws io.orderhub.domain.order.application.OrderNotFound when there is no such order
   */
  public List<OrderStateChange> history(OrderId orderId) {
    if (access.restrictedTo().isPresent()) {
      visible(orders.get(orderId));
    }
    return orders.history(orderId);
  }

  /**
   * Marks the order's cancellation as requested and tells its process ({@code
   * OrderCancelRequested}), which compensates the steps done so far and then marks the order
   * cancelled. Repeating it is harmless: the order is already in the state, the message id the
   * same.
   *
   * <p>An order whose process never started (the engine was away since it was placed) has nothing
   * to compensate: it is cancelled at once, and the message is published only in case a start is
   * under way right now — the retry sweep starts only orders still {@code CREATED}.
   *
   * @throws io.orderhub.domain.order.model.IllegalOrderTransition when the order can no longer be
   *     cancelled (delivered, rejected, cancelled …)
   * @throws io.orderhub.app.process.EngineUnavailable when the message could not be published to a
   *     running process; the request is kept, repeat the call
   */
  public Order cancel(OrderId orderId, String reason) {
    ControlCharacters.requireNone("reason", reason);
    boolean sagaStarted = starter.isStarted(orderId);
    Order order =
        change(
            orderId,
            o -> {
              visible(o);
              o.requestCancellation(reason);
              if (!sagaStarted) {
                o.markCancelled();
              }
            });
    try {
      messages.publish(
          ProcessMessages.ORDER_CANCEL_REQUESTED,
          orderId,
          ProcessMessages.ORDER_CANCEL_REQUESTED + ":" + orderId,
          Map.of("cancelReason", reason));
    } catch (EngineUnavailable e) {
      if (sagaStarted) {
        throw e;
      }
      LOG.info("Order {} cancelled before its process started: {}", orderId, e.getMessage());
    }
    return order;
  }

  /**
   * Marks the return as requested and starts the {@code order-return} process through its message
   * start event ({@code ReturnRequested} with {@code orderId} and {@code reason}). The message id
   * carries the order's version after the request, so asking again after a rejected return is a new
   * message while a repeated call is not.
   *
   * @throws io.orderhub.domain.order.model.IllegalOrderTransition when the order cannot be returned
   *     (not yet delivered, or a return is under way)
   */
  public Order requestReturn(OrderId orderId, String reason) {
    return requestReturn(orderId, reason, null);
  }

  /**
   * As {@link #requestReturn(OrderId, String)}, with the condition of the goods ({@code AS_NEW} or
   * {@code DAMAGED}, the variable {@code itemCondition} the inspection decides by: damaged goods
   * end the return RETURN_REJECTED); {@code null} leaves it to the inspection.
   */
  public Order requestReturn(OrderId orderId, String reason, ItemCondition itemCondition) {
    ControlCharacters.requireNone("reason", reason);
    Order order =
        change(
            orderId,
            o -> {
              visible(o);
              o.requestReturn(reason);
            });
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("orderId", orderId.asString());
    variables.put("reason", reason);
    if (itemCondition != null) {
      variables.put("itemCondition", itemCondition.name());
    }
    messages.publish(
        ProcessMessages.RETURN_REQUESTED,
        orderId,
        ProcessMessages.RETURN_REQUESTED + ":" + orderId + ":" + order.version(),
        variables);
    return order;
  }

  /**
   * The carrier's delivery report. The order moves to DELIVERED first — in one transaction that a
   * concurrent cancellation cannot also win (optimistic locking: whichever commits second re-reads
   * the order and is refused) — and only then is {@code OrderDelivered} published for its process,
   * which confirms the delivery and completes the order.
   *
   * <p>Accepted from DISPATCHED and from DELIVERY_FAILED (a later attempt succeeded). Repeating it
   * while the order is DELIVERED is harmless (same message id), and publishes again what a lost
   * publication left untold.
   *
   * @throws io.orderhub.domain.order.model.IllegalOrderTransition when the order cannot be
   *     delivered (not dispatched yet, cancelled, completed …)
   * @throws io.orderhub.app.process.EngineUnavailable when the process could not be told; the
   *     delivery is recorded, repeat the call
   */
  public Order reportDelivery(OrderId orderId) {
    Order order =
        change(
            orderId,
            o -> {
              if (o.status() == OrderStatus.DELIVERY_FAILED) {
                o.markDispatched(); // out for delivery again, and this time it arrived
              }
              o.markDelivered();
            });
    messages.publish(
        ProcessMessages.ORDER_DELIVERED,
        orderId,
        ProcessMessages.ORDER_DELIVERED + ":" + orderId,
        Map.of());
    return order;
  }

  /**
   * The carrier could not deliver: the order moves from DISPATCHED to DELIVERY_FAILED with the
   * carrier's reason, and its process keeps waiting — for a later successful report, or for a
   * cancellation, which recalls the parcels and refunds. Repeating it is harmless.
   *
   * @throws io.orderhub.domain.order.model.IllegalOrderTransition when the order is not out for
   *     delivery
   */
  public Order reportDeliveryFailure(OrderId orderId, String reason) {
    ControlCharacters.requireNone("reason", reason);
    return change(orderId, o -> o.markDeliveryFailed(reason));
  }

  /** Refuses (403) a placement {@link #create} would refuse, for placements made later. */
  public void requireMayPlace(CreateOrderRequest request) {
    access.requireMayPlaceFor(request.customerId());
  }

  /** Whether the caller may see the orders of this customer (a customer only their own). */
  public boolean mayReach(String customerId) {
    return access.restrictedTo().map(own -> own.value().equals(customerId)).orElse(true);
  }

  // a customer's view: another customer's order does not exist (404, never 403: ids do not leak)
  private Order visible(Order order) {
    Optional<CustomerId> own = access.restrictedTo();
    if (own.isPresent() && !own.get().equals(order.customerId())) {
      throw new OrderNotFound(order.orderId());
    }
    return order;
  }

  // a worker may change the order at the same moment: re-read and re-apply, the verb decides anew
  private Order change(OrderId orderId, Consumer<Order> verb) {
    for (int attempt = 1; ; attempt++) {
      try {
        return orders.change(orderId, verb);
      } catch (OptimisticLockingFailureException e) {
        if (attempt == CHANGE_ATTEMPTS) {
          throw e;
        }
      }
    }
  }
}
