package io.orderhub.domain.order.model;

import static io.orderhub.domain.order.model.OrderTransition.*;

import io.orderhub.domain.order.model.OrderEvent.*;
import io.orderhub.domain.shared.model.AggregateRoot;
import io.orderhub.domain.shared.model.Money;
import io.orderhub.domain.shared.model.OrderId;
import io.orderhub.domain.shared.model.Sku;
import io.orderhub.domain.shared.model.Text;
import io.orderhub.domain.shared.model.WarehouseId;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.annotations.OptimisticLock;

/**
 * The order aggregate: what was ordered, by whom, to where — and where in its lifecycle it is.
 *
 * <p>Every verb checks the transition against {@link OrderStatus#allowedNext()} and throws {@link
 * IllegalOrderTransition} when the current state does not allow it. Repeating the transition that
 * led into the current state is a no-op that records nothing, so a redelivered job is harmless.
 * Each effective transition records one {@link OrderEvent}.
 *
 * <p>Concurrent changes are detected by the JPA {@code @Version}: of two transactions that loaded
 * the same version, the second to commit fails with an optimistic locking exception.
 */
@Entity
@Table(name = "customer_order", schema = "orders")
public class Order extends AggregateRoot {

  public static final String AGGREGATE_TYPE = "Order";

  @Id private UUID id;

  // a wrapper, so that Spring Data sees a new order (null version) and persists it instead of
  // merging a copy — the copy would not carry the recorded events
  @Version private Long version;

  @Column(nullable = false)
  private String customerId;

  @Column(nullable = false)
  private String idempotencyKey;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private OrderStatus status;

  // lines never change after placing; excluded so that Hibernate does not count their first
  // insert as a change of the order (it would bump a new order to version 1)
  @OptimisticLock(excluded = true)
  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(
      name = "order_line",
      schema = "orders",
      joinColumns = @JoinColumn(name = "order_id"))
  @OrderColumn(name = "line_no")
  private List<OrderLineColumns> lines = new ArrayList<>();

  @Embedded private ShippingAddress shippingAddress;

  @Column(nullable = false)
  private BigDecimal totalAmount;

  @Column(nullable = false)
  private String currency;

  /** Why the latest reason-bearing transition happened (rejection, failure, cancellation …). */
  private String statusReason;

  private String paymentReference;

  @Column(nullable = false)
  private Instant createdAt;

  protected Order() {}

  private Order(
      OrderId id,
      CustomerId customerId,
      IdempotencyKey idempotencyKey,
      List<OrderLine> lines,
      ShippingAddress shippingAddress,
      Instant createdAt) {
    this.id = id.value();
    this.customerId = customerId.value();
    this.idempotencyKey = idempotencyKey.value();
    this.status = OrderStatus.CREATED;
    this.lines = new ArrayList<>(lines.stream().map(OrderLineColumns::new).toList());
    this.shippingAddress = shippingAddress;
    Money total = total(lines);
    this.totalAmount = total.amount();
    this.currency = total.currency().getCurrencyCode();
    this.createdAt = createdAt;
  }

  /**
   * A new order in state {@link OrderStatus#CREATED}; records {@link OrderCreated}.
   *
   * @throws IllegalArgumentException without lines, with lines in different currencies, or with the
   *     same SKU on two lines
   */
  public static Order place(
      OrderId id,
      CustomerId customerId,
      IdempotencyKey idempotencyKey,
      List<OrderLine> lines,
      ShippingAddress shippingAddress,
      Instant createdAt) {
    Objects.requireNonNull(id, "order id");
    Objects.requireNonNull(customerId, "customer id");
    Objects.requireNonNull(idempotencyKey, "idempotency key");
    Objects.requireNonNull(shippingAddress, "shipping address");
    Objects.requireNonNull(createdAt, "created at");
    if (lines == null || lines.isEmpty()) {
      throw new IllegalArgumentException(
          "Expected at least one order line for order " + id + ", but got none");
    }
    long distinctSkus = lines.stream().map(OrderLine::sku).distinct().count();
    if (distinctSkus != lines.size()) {
      throw new IllegalArgumentException(
          "Expected each SKU on one line of order " + id + ", but got " + lines);
    }
    Order order = new Order(id, customerId, idempotencyKey, lines, shippingAddress, createdAt);
    order.record(
        new OrderCreated(
            id, customerId, idempotencyKey, List.copyOf(lines), shippingAddress, order.total()));
    return order;
  }

  private static Money total(List<OrderLine> lines) {
    Currency currency = lines.getFirst().unitPrice().currency();
    Money total = Money.zero(currency);
    for (OrderLine line : lines) {
      if (!line.unitPrice().currency().equals(currency)) {
        throw new IllegalArgumentException(
            "Expected all order lines in " + currency + ", but " + line.sku() + " is not");
      }
      total = total.plus(line.total());
    }
    return total;
  }

  // ---- forward path --------------------------------------------------------------------------

  public void markValidated() {
    if (moveTo(MARK_VALIDATED, null)) {
      record(new OrderValidated(orderId()));
    }
  }

  public void reject(String reason) {
    if (moveTo(REJECT, reason)) {
      record(new OrderRejected(orderId(), reason));
    }
  }

  public void markStockReserved() {
    if (moveTo(MARK_STOCK_RESERVED, null)) {
      record(new OrderStockReserved(orderId()));
    }
  }

  public void markOutOfStock(Collection<Sku> missing) {
    List<Sku> skus = List.copyOf(missing);
    if (moveTo(MARK_OUT_OF_STOCK, "out of stock: " + skus)) {
      record(new OrderOutOfStock(orderId(), skus));
    }
  }

  public void markPaymentRequested(PaymentReference payment) {
    Objects.requireNonNull(payment, "payment");
    if (moveTo(MARK_PAYMENT_REQUESTED, null)) {
      paymentReference = payment.value();
      record(new OrderPaymentRequested(orderId(), payment));
    }
  }

  public void markPaid(PaymentReference payment) {
    Objects.requireNonNull(payment, "payment");
    if (moveTo(MARK_PAID, null)) {
      paymentReference = payment.value();
      record(new OrderPaid(orderId(), payment));
    }
  }

  public void markPaymentFailed(String reason) {
    if (moveTo(MARK_PAYMENT_FAILED, reason)) {
      record(new OrderPaymentFailed(orderId(), reason));
    }
  }

  public void markPaymentTimedOut() {
    if (moveTo(MARK_PAYMENT_TIMED_OUT, "payment timed out")) {
      record(new OrderPaymentTimedOut(orderId()));
    }
  }

  public void markRouted(Collection<WarehouseId> warehouses) {
    List<WarehouseId> from = List.copyOf(warehouses);
    if (from.isEmpty()) {
      throw new IllegalArgumentException(
          "Expected at least one warehouse to route order " + orderId() + " to, but got none");
    }
    if (moveTo(MARK_ROUTED, null)) {
      record(new OrderRouted(orderId(), from));
    }
  }

  public void markDispatching() {
    if (moveTo(MARK_DISPATCHING, null)) {
      record(new OrderDispatchStarted(orderId()));
    }
  }

  public void markDispatched() {
    if (moveTo(MARK_DISPATCHED, null)) {
      record(new OrderDispatched(orderId()));
    }
  }

  public void markDeliveryFailed(String reason) {
    if (moveTo(MARK_DELIVERY_FAILED, reason)) {
      record(new OrderDeliveryFailed(orderId(), reason));
    }
  }

  public void markDelivered() {
    if (moveTo(MARK_DELIVERED, null)) {
      record(new OrderDelivered(orderId()));
    }
  }

  public void complete() {
    if (moveTo(COMPLETE, null)) {
      record(new OrderCompleted(orderId()));
    }
  }

  // ---- cancellation ----------------------------------------------------------------------------

  /**
   * Starts cancelling: the compensations of the steps done so far run next, then {@link
   * #markCancelled()}. Irrevocable once accepted.
   */
  public void requestCancellation(String reason) {
    OrderStatus requestedIn = status;
    if (moveTo(REQUEST_CANCELLATION, reason)) {
      record(new OrderCancellationRequested(orderId(), reason, requestedIn));
    }
  }

  /** Keeps the reason the cancellation was requested for: it is why the order is cancelled. */
  public void markCancelled() {
    if (moveTo(MARK_CANCELLED, statusReason)) {
      record(new OrderCancelled(orderId()));
    }
  }

  // ---- returns ---------------------------------------------------------------------------------

  public void requestReturn(String reason) {
    if (moveTo(REQUEST_RETURN, reason)) {
      record(new OrderReturnRequested(orderId(), reason));
    }
  }

  public void approveReturn() {
    if (moveTo(APPROVE_RETURN, null)) {
      record(new OrderReturnApproved(orderId()));
    }
  }

  /** Refuses a return request, or a received return that failed inspection. */
  public void rejectReturn(String reason) {
    if (moveTo(REJECT_RETURN, reason)) {
      record(new OrderReturnRejected(orderId(), reason));
    }
  }

  public void markReturnPickedUp() {
    if (moveTo(MARK_RETURN_PICKED_UP, null)) {
      record(new OrderReturnPickedUp(orderId()));
    }
  }

  public void markReturnReceived() {
    if (moveTo(MARK_RETURN_RECEIVED, null)) {
      record(new OrderReturnReceived(orderId()));
    }
  }

  public void markReturnInspected() {
    if (moveTo(MARK_RETURN_INSPECTED, null)) {
      record(new OrderReturnInspected(orderId()));
    }
  }

  public void markRefunded(PaymentReference refund) {
    Objects.requireNonNull(refund, "refund");
    if (moveTo(MARK_REFUNDED, null)) {
      record(new OrderRefunded(orderId(), refund));
    }
  }

  public void markReturned() {
    if (moveTo(MARK_RETURNED, null)) {
      record(new OrderReturned(orderId()));
    }
  }

  /**
   * @return false when the order already is in the transition's target state (a repeat: nothing
   *     changes, nothing is recorded), true when the transition happened
   * @throws IllegalOrderTransition when the current state does not allow the transition
   */
  private boolean moveTo(OrderTransition transition, String reason) {
    if (status == transition.target()) {
      return false;
    }
    if (!transition.isAllowedFrom(status)) {
      throw new IllegalOrderTransition(orderId(), status, transition);
    }
    if (reason != null) {
      Text.requireText(reason, "reason", 500);
    }
    status = transition.target();
    statusReason = reason;
    return true;
  }

  // ---- queries ---------------------------------------------------------------------------------

  @Override
  public String aggregateType() {
    return AGGREGATE_TYPE;
  }

  @Override
  public OrderId orderId() {
    return new OrderId(id);
  }

  public OrderStatus status() {
    return status;
  }

  /** The optimistic-locking version; 0 until first saved. */
  public long version() {
    return version == null ? 0 : version;
  }

  public CustomerId customerId() {
    return CustomerId.of(customerId);
  }

  public IdempotencyKey idempotencyKey() {
    return IdempotencyKey.of(idempotencyKey);
  }

  public List<OrderLine> lines() {
    return lines.stream().map(OrderLineColumns::toLine).toList();
  }

  public ShippingAddress shippingAddress() {
    return shippingAddress;
  }

  public Money total() {
    return new Money(totalAmount, Currency.getInstance(currency));
  }

  public Optional<String> statusReason() {
    return Optional.ofNullable(statusReason);
  }

  public Optional<PaymentReference> paymentReference() {
    return Optional.ofNullable(paymentReference).map(PaymentReference::of);
  }

  public Instant createdAt() {
    return createdAt;
  }

  @Override
  public String toString() {
    return "Order[" + id + ", " + status + ", v" + version() + "]";
  }
}
