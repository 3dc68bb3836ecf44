package io.orderhub.domain.order.application;

import io.orderhub.domain.order.infrastructure.OrderHistoryTable;
import io.orderhub.domain.order.infrastructure.Orders;
import io.orderhub.domain.order.model.Order;
import io.orderhub.domain.order.model.OrderEvent;
import io.orderhub.domain.order.model.OrderStateChange;
import io.orderhub.domain.order.model.OrderStatus;
import io.orderhub.domain.order.model.OrderValidation;
import io.orderhub.domain.order.model.OrderValidation.Verdict;
import io.orderhub.domain.outbox.application.OutboxWriter;
import io.orderhub.domain.shared.model.OrderId;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Entry points of the order context. Every change is one transaction that saves the order and
 * appends the events it recorded to the outbox; nothing is written when the change throws.
 *
 * <p>Concurrent changes of one order: the second to commit fails with Spring's {@code
 * OptimisticLockingFailureException} (transient: retry the command, it re-reads the order).
 */
public class OrderService {

  private final Orders orders;
  private final OutboxWriter outbox;
  private final TransactionTemplate transactions;
  private final Clock clock;
  private final OrderValidation validation;
  private final OrderHistoryTable history;

  public OrderService(
      Orders orders,
      OutboxWriter outbox,
      PlatformTransactionManager transactionManager,
      Clock clock,
      OrderValidation validation,
      OrderHistoryTable history) {
    this.history = history;
    this.orders = orders;
    this.outbox = outbox;
    this.transactions = new TransactionTemplate(transactionManager);
    this.clock = clock;
    this.validation = validation;
  }

  /**
   * Places an order, idempotently per (customer, idempotency key): a retry returns the order of the
   * first attempt as {@link PlaceOrderResult.AlreadyPlaced}, also when the attempts race. Call it
   * outside a transaction, so a lost race can be resolved in a fresh one.
   */
  public PlaceOrderResult place(PlaceOrder command) {
    try {
      return transactions.execute(status -> placeOnce(command));
    } catch (DataIntegrityViolationException raced) {
      // a concurrent attempt inserted the same key (or id) first: answer with what it created
      return transactions.execute(
          status ->
              existing(command)
                  .orElseThrow(
                      () ->
                          new IllegalStateException(
                              "Expected order "
                                  + command.orderId()
                                  + " or key "
                                  + command.idempotencyKey()
                                  + " to exist after a uniqueness violation, but found neither",
                              raced)));
    }
  }

  /**
   * Places many orders in one transaction — one commit, and the orders' rows written as JDBC
   * batches (multi-row inserts where the driver rewrites them) — for intakes that collect orders
   * first (a Kafka consumer). Answers one result per command, in order, with the same idempotency
   * as {@link #place}: a command whose order exists (before or earlier in the batch) is {@link
   * PlaceOrderResult.AlreadyPlaced} or {@link PlaceOrderResult.KeyReused}. Should a concurrent
   * placement win a race inside the batch, the batch is rolled back and its commands are placed one
   * by one instead. Call it outside a transaction.
   */
  public List<PlaceOrderResult> placeAll(List<PlaceOrder> commands) {
    if (commands.isEmpty()) {
      return List.of();
    }
    try {
      return transactions.execute(status -> placeAllOnce(commands));
    } catch (DataIntegrityViolationException raced) {
      return commands.stream().map(this::place).toList();
    }
  }

  private List<PlaceOrderResult> placeAllOnce(List<PlaceOrder> commands) {
    Map<OrderId, Order> known = new HashMap<>();
    orders
        .findAllById(commands.stream().map(c -> c.orderId().value()).distinct().toList())
        .forEach(order -> known.put(order.orderId(), order));
    List<PlaceOrderResult> results = new ArrayList<>(commands.size());
    List<Order> created = new ArrayList<>();
    Instant now = clock.instant();
    for (PlaceOrder command : commands) {
      Order existing = known.get(command.orderId());
      if (existing != null) {
        results.add(replayOf(existing, command));
        continue;
      }
      Order order =
          Order.place(
              command.orderId(),
              command.customerId(),
              command.idempotencyKey(),
              command.lines(),
              command.shippingAddress(),
              now);
      known.put(order.orderId(), order);
      created.add(order);
      results.add(new PlaceOrderResult.Created(order));
    }
    // one flush for all new orders, so their inserts go out as batches
    orders.saveAll(created);
    orders.flush();
    for (Order order : created) {
      order.recordedEvents().stream()
          .filter(OrderEvent.class::isInstance)
          .forEach(e -> history.append(order.orderId(), OrderStateChange.of((OrderEvent) e, now)));
      outbox.appendRecordedEvents(order);
    }
    return results;
  }

  private PlaceOrderResult placeOnce(PlaceOrder command) {
    Optional<PlaceOrderResult> existing = existing(command);
    if (existing.isPresent()) {
      return existing.get();
    }
    Order order =
        Order.place(
            command.orderId(),
            command.customerId(),
            command.idempotencyKey(),
            command.lines(),
            command.shippingAddress(),
            clock.instant());
    save(order);
    return new PlaceOrderResult.Created(order);
  }

  private Optional<PlaceOrderResult> existing(PlaceOrder command) {
    Optional<Order> byKey =
        orders.findByIdempotencyKey(command.customerId().value(), command.idempotencyKey().value());
    if (byKey.isPresent()) {
      Order order = byKey.get();
      return Optional.of(
          sameOrder(order, command)
              ? new PlaceOrderResult.AlreadyPlaced(order)
              : new PlaceOrderResult.KeyReused(
                  order,
                  "idempotency key "
                      + command.idempotencyKey()
                      + " was used for order "
                      + order.orderId()
                      + " with other content"));
    }
    return orders
        .find(command.orderId())
        // found by id (the key lookup can miss a row committed a moment ago)
        .map(order -> replayOf(order, command));
  }

  /** An order already under the command's id: the same customer, key and content is a replay. */
  private static PlaceOrderResult replayOf(Order existing, PlaceOrder command) {
    return existing.idempotencyKey().equals(command.idempotencyKey())
            && existing.customerId().equals(command.customerId())
            && sameOrder(existing, command)
        ? new PlaceOrderResult.AlreadyPlaced(existing)
        : new PlaceOrderResult.KeyReused(
            existing,
            "order id "
                + command.orderId()
                + " was used with idempotency key "
                + existing.idempotencyKey()
                + " for other content");
  }

  private static boolean sameOrder(Order order, PlaceOrder command) {
    return order.orderId().equals(command.orderId())
        && order.lines().equals(command.lines())
        && order.shippingAddress().equals(command.shippingAddress());
  }

  /**
   * Runs the business checks ({@link OrderValidation}) and marks the order validated or rejected.
   * Idempotent: a validated or rejected order is returned as it is.
   */
  public Order validate(OrderId orderId) {
    return change(
        orderId,
        order -> {
          if (order.status() != OrderStatus.CREATED) {
            return; // decided before: a redelivered job changes nothing
          }
          switch (validation.check(order)) {
            case Verdict.Valid valid -> order.markValidated();
            case Verdict.Invalid invalid -> order.reject(invalid.reason());
          }
        });
  }

  /**
   * Applies one verb of {@link Order} (e.g. {@code order -> order.markPaid(payment)}) in its own
   * transaction and returns the order as saved.
   *
   * @throws OrderNotFound when there is no such order
   * @throws io.orderhub.domain.order.model.IllegalOrderTransition when the order's state does not
   *     allow the verb; nothing is written
   */
  public Order change(OrderId orderId, Consumer<Order> verb) {
    Objects.requireNonNull(verb, "verb");
    return transactions.execute(
        status -> {
          Order order = orders.find(orderId).orElseThrow(() -> new OrderNotFound(orderId));
          verb.accept(order);
          return save(order);
        });
  }

  public Optional<Order> find(OrderId orderId) {
    return transactions.execute(status -> orders.find(orderId));
  }

  public Order get(OrderId orderId) {
    return find(orderId).orElseThrow(() -> new OrderNotFound(orderId));
  }

  /**
   * Every state the order went through, oldest first, with its time and reason.
   *
   * @throws OrderNotFound when there is no such order
   */
  public List<OrderStateChange> history(OrderId orderId) {
    return transactions.execute(
        status -> {
          if (orders.find(orderId).isEmpty()) {
            throw new OrderNotFound(orderId);
          }
          return history.of(orderId);
        });
  }

  private Order save(Order order) {
    // flush first: the version check (and the row lock) happen before the outbox rows are written,
    // so per order the outbox positions follow the commit order of its changes
    Order saved = orders.saveAndFlush(order);
    Instant now = clock.instant();
    order.recordedEvents().stream()
        .filter(OrderEvent.class::isInstance)
        .forEach(e -> history.append(order.orderId(), OrderStateChange.of((OrderEvent) e, now)));
    outbox.appendRecordedEvents(order);
    return saved;
  }
}
