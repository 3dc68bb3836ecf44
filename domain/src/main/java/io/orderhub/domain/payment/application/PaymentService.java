package io.orderhub.domain.payment.application;

import io.orderhub.domain.outbox.application.OutboxWriter;
import io.orderhub.domain.payment.infrastructure.Payments;
import io.orderhub.domain.payment.model.Payment;
import io.orderhub.domain.payment.model.PaymentCallback;
import io.orderhub.domain.payment.model.PaymentId;
import io.orderhub.domain.payment.model.PaymentStatus;
import io.orderhub.domain.shared.model.Money;
import io.orderhub.domain.shared.model.OrderId;
import java.time.Clock;
import java.util.Optional;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Entry points of the payment context. Money moves at most once each way: one payment per order
 * (unique order id), the provider is asked with our payment id as idempotency key, and every state
 * change happens under a row lock on the payment.
 */
public class PaymentService {

  private final Payments payments;
  private final OutboxWriter outbox;
  private final PaymentRouting routing;
  private final TransactionTemplate transactions;
  private final Clock clock;

  public PaymentService(
      Payments payments,
      OutboxWriter outbox,
      PaymentProvider provider,
      PlatformTransactionManager transactionManager,
      Clock clock) {
    this(payments, outbox, PaymentRouting.single(provider), transactionManager, clock);
  }

  public PaymentService(
      Payments payments,
      OutboxWriter outbox,
      PaymentRouting routing,
      PlatformTransactionManager transactionManager,
      Clock clock) {
    this.payments = payments;
    this.outbox = outbox;
    this.routing = routing;
    this.transactions = new TransactionTemplate(transactionManager);
    this.clock = clock;
  }

  /**
   * ChargePayment: creates the order's payment and asks the provider to charge it; the answer comes
   * as a callback. Idempotent per order: a repeated (or concurrent) request returns the same
   * payment and never charges twice. The provider is asked after the payment is committed, so a
   * callback can never overtake it; a repeat of a still unanswered payment asks again, which the
   * provider deduplicates. The provider is chosen once, when the payment is created, and every
   * repeat asks that same provider: after a time-out the charge may have happened there.
   *
   * @throws IllegalArgumentException when the order's payment exists with another amount
   */
  public RequestedPayment requestPayment(OrderId orderId, Money amount) {
    RequestedPayment requested;
    try {
      requested = transactions.execute(status -> requestOnce(orderId, amount));
    } catch (DataIntegrityViolationException raced) {
      requested = transactions.execute(status -> requestOnce(orderId, amount));
    }
    Payment payment = requested.payment();
    if (payment.status() == PaymentStatus.REQUESTED) {
      routing.owner(payment.provider()).charge(payment.paymentId(), payment.amount());
    }
    return requested;
  }

  private RequestedPayment requestOnce(OrderId orderId, Money amount) {
    Optional<Payment> existing = payments.findByOrder(orderId.value());
    if (existing.isPresent()) {
      Payment payment = existing.get();
      if (!payment.amount().equals(amount)) {
        throw new IllegalArgumentException(
            "Expected the payment of order "
                + orderId
                + " to be requested again for "
                + payment.amount()
                + ", but got "
                + amount);
      }
      return new RequestedPayment(payment, false);
    }
    Payment payment =
        Payment.request(PaymentId.newId(), orderId, amount, clock.instant(), routing.choose());
    payments.saveAndFlush(payment);
    outbox.appendRecordedEvents(payment);
    return new RequestedPayment(payment, true);
  }

  /**
   * Takes a provider callback. Idempotent: only the first answer for a payment counts, later ones
   * are {@link CallbackOutcome.Ignored}; a callback for an unknown payment is {@link
   * CallbackOutcome.Rejected}. A confirmation of a payment voided meanwhile is refunded at once.
   */
  public CallbackOutcome handleCallback(PaymentCallback callback) {
    return transactions.execute(
        status -> {
          Optional<Payment> found = payments.lockById(callback.paymentId().value());
          if (found.isEmpty()) {
            return new CallbackOutcome.Rejected(
                "Expected a payment " + callback.paymentId() + ", but there is none");
          }
          Payment payment = found.get();
          PaymentStatus before = payment.status();
          switch (payment.handle(callback)) {
            case IGNORED -> {
              return new CallbackOutcome.Ignored(
                  payment, "payment " + payment.paymentId() + " is " + before + " already");
            }
            case APPLIED_REFUND_DUE -> payment.markRefunded(refund(payment));
            case APPLIED -> {}
          }
          save(payment);
          return new CallbackOutcome.Applied(payment);
        });
  }

  /**
   * RefundPayment, the compensation of {@link #requestPayment}: refunds a captured payment, at most
   * once; voids one the provider has not answered yet. Idempotent.
   */
  public RefundResult refund(OrderId orderId) {
    return transactions.execute(
        status -> {
          Optional<Payment> found = payments.lockByOrder(orderId.value());
          if (found.isEmpty()) {
            return new RefundResult.NothingToRefund("order " + orderId + " has no payment");
          }
          Payment payment = found.get();
          return switch (payment.status()) {
            case CAPTURED -> {
              // the provider is asked under the row lock; should the commit fail afterwards, the
              // retry asks again and the provider answers with the same refund (idempotent)
              payment.markRefunded(refund(payment));
              save(payment);
              yield new RefundResult.Refunded(payment);
            }
            case REFUNDED -> new RefundResult.AlreadyRefunded(payment);
            case REQUESTED -> {
              payment.voidBeforeCapture();
              save(payment);
              yield new RefundResult.Voided(payment);
            }
            case VOIDED -> new RefundResult.Voided(payment);
            case DECLINED ->
                new RefundResult.NothingToRefund(
                    "payment " + payment.paymentId() + " of order " + orderId + " was declined");
          };
        });
  }

  public Optional<Payment> paymentOf(OrderId orderId) {
    return transactions.execute(status -> payments.findByOrder(orderId.value()));
  }

  public Optional<Payment> find(PaymentId paymentId) {
    return transactions.execute(status -> payments.findById(paymentId.value()));
  }

  private String refund(Payment payment) {
    return routing.owner(payment.provider()).refund(payment.paymentId(), payment.amount());
  }

  private void save(Payment payment) {
    payments.saveAndFlush(payment);
    outbox.appendRecordedEvents(payment);
  }
}
