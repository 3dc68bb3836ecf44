package io.orderhub.domain.payment.model;

import io.orderhub.domain.payment.model.PaymentEvent.PaymentCaptured;
import io.orderhub.domain.payment.model.PaymentEvent.PaymentDeclined;
import io.orderhub.domain.payment.model.PaymentEvent.PaymentRefunded;
import io.orderhub.domain.payment.model.PaymentEvent.PaymentRequested;
import io.orderhub.domain.payment.model.PaymentEvent.PaymentVoided;
import io.orderhub.domain.shared.model.AggregateRoot;
import io.orderhub.domain.shared.model.Money;
import io.orderhub.domain.shared.model.OrderId;
import io.orderhub.domain.shared.model.Text;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.Optional;
import java.util.UUID;

/**
 * The payment of one order (a unique constraint on the order id). Guards that money is captured at
 * most once and refunded at most once; see the {@code payment} package documentation for the
 * states.
 */
@Entity
@Table(name = "payment", schema = "payment")
public class Payment extends AggregateRoot {

  public static final String AGGREGATE_TYPE = "Payment";

  /** How the payment took a callback. */
  public enum CallbackEffect {
    /** The callback moved the payment (captured, declined). */
    APPLIED,
    /**
     * Captured although the order's payment had been voided meanwhile: the caller must refund the
     * capture now, see {@link #markRefunded(String)}.
     */
    APPLIED_REFUND_DUE,
    /** The payment had had its answer already: a duplicate or a late contradiction. */
    IGNORED
  }

  @Id private UUID id;

  @Version private Long version;

  @Column(nullable = false)
  private UUID orderId;

  @Column(nullable = false)
  private BigDecimal amount;

  @Column(nullable = false)
  private String currency;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private PaymentStatus status;

  private String providerReference;

  private String refundReference;

  @Column(nullable = false)
  private Instant requestedAt;

  /**
   * The provider that owns this payment's charge: every retry and the refund go to it, never to
   * another one, so a retry after a time-out cannot charge twice. Null for payments from before
   * providers were named.
   */
  private String provider;

  protected Payment() {}

  private Payment(PaymentId id, OrderId orderId, Money amount, Instant requestedAt) {
    this.id = id.value();
    this.orderId = orderId.value();
    this.amount = amount.amount();
    this.currency = amount.currency().getCurrencyCode();
    this.status = PaymentStatus.REQUESTED;
    this.requestedAt = requestedAt;
  }

  public static Payment request(PaymentId id, OrderId orderId, Money amount, Instant requestedAt) {
    if (!amount.isPositive()) {
      throw new IllegalArgumentException(
          "Expected a positive amount to charge for order " + orderId + ", but got " + amount);
    }
    Payment payment = new Payment(id, orderId, amount, requestedAt);
    payment.record(new PaymentRequested(orderId, id, amount));
    return payment;
  }

  /** A payment owned by {@code provider}, the one chosen to charge it. */
  public static Payment request(
      PaymentId id, OrderId orderId, Money amount, Instant requestedAt, String provider) {
    Payment payment = request(id, orderId, amount, requestedAt);
    payment.provider = Text.requireToken(provider, "payment provider name", 64);
    return payment;
  }

  /**
   * Takes the provider's answer. Only the first answer counts.
   *
   * @throws IllegalArgumentException when the callback is for another payment
   */
  public CallbackEffect handle(PaymentCallback callback) {
    if (!callback.paymentId().value().equals(id)) {
      throw new IllegalArgumentException(
          "Expected a callback for payment " + id + ", but got one for " + callback.paymentId());
    }
    Text.requireToken(callback.providerReference(), "provider reference", 128);
    boolean awaitingAnswer = status == PaymentStatus.REQUESTED || status == PaymentStatus.VOIDED;
    if (!awaitingAnswer) {
      return CallbackEffect.IGNORED;
    }
    boolean voided = status == PaymentStatus.VOIDED;
    providerReference = callback.providerReference();
    switch (callback.status()) {
      case CONFIRMED -> {
        status = PaymentStatus.CAPTURED;
        record(new PaymentCaptured(orderId(), paymentId(), amount(), providerReference));
        return voided ? CallbackEffect.APPLIED_REFUND_DUE : CallbackEffect.APPLIED;
      }
      case DECLINED -> {
        status = PaymentStatus.DECLINED;
        record(new PaymentDeclined(orderId(), paymentId(), providerReference));
        return CallbackEffect.APPLIED;
      }
    }
    throw new IllegalArgumentException("Expected CONFIRMED or DECLINED, but got " + callback);
  }

  /**
   * The order no longer wants this payment before the provider answered: nothing was captured, and
   * a capture that still arrives must be refunded.
   */
  public void voidBeforeCapture() {
    if (status != PaymentStatus.REQUESTED) {
      throw new IllegalStateException(
          "Expected payment " + id + " to be REQUESTED to void it, but it is " + status);
    }
    status = PaymentStatus.VOIDED;
    record(new PaymentVoided(orderId(), paymentId()));
  }

  /** The provider refunded the captured amount. */
  public void markRefunded(String refundReference) {
    if (status != PaymentStatus.CAPTURED) {
      throw new IllegalStateException(
          "Expected payment " + id + " to be CAPTURED to refund it, but it is " + status);
    }
    this.refundReference = Text.requireToken(refundReference, "refund reference", 128);
    status = PaymentStatus.REFUNDED;
    record(new PaymentRefunded(orderId(), paymentId(), amount(), refundReference));
  }

  @Override
  public String aggregateType() {
    return AGGREGATE_TYPE;
  }

  @Override
  public OrderId orderId() {
    return new OrderId(orderId);
  }

  public PaymentId paymentId() {
    return new PaymentId(id);
  }

  public Money amount() {
    return new Money(amount, Currency.getInstance(currency));
  }

  public PaymentStatus status() {
    return status;
  }

  public Optional<String> providerReference() {
    return Optional.ofNullable(providerReference);
  }

  public Optional<String> refundReference() {
    return Optional.ofNullable(refundReference);
  }

  public Instant requestedAt() {
    return requestedAt;
  }

  /** The provider that owns the charge; empty for payments from before providers were named. */
  public Optional<String> provider() {
    return Optional.ofNullable(provider);
  }

  @Override
  public String toString() {
    return "Payment[" + id + ", order " + orderId + ", " + amount() + ", " + status + "]";
  }
}
