package io.orderhub.domain.payment.infrastructure;

import io.orderhub.domain.payment.application.PaymentCallbackSink;
import io.orderhub.domain.payment.application.PaymentProvider;
import io.orderhub.domain.payment.model.PaymentCallback;
import io.orderhub.domain.payment.model.PaymentId;
import io.orderhub.domain.shared.model.Money;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A payment provider without a network, for local runs and tests, with deterministic answers: an
 * amount whose minor units end in {@code .13} is declined, every other amount is confirmed.
 *
 * <p>Answers are queued and delivered to the connected {@link PaymentCallbackSink} either by an
 * executor right after the charge (asynchronous, like a real provider) or only when {@link
 * #deliverPending()} is called (tests decide when the provider answers — no sleeping). Keeps count
 * of what it was asked and of the money it moved, so tests can prove "at most once". Thread-safe.
 */
public class SimulatedPaymentProvider implements PaymentProvider, AutoCloseable {

  private final Executor delivery;
  private final ExecutorService ownThread;
  private final Map<PaymentId, Charge> charges = new ConcurrentHashMap<>();
  private final Map<PaymentId, AtomicInteger> chargeRequests = new ConcurrentHashMap<>();
  private final Map<PaymentId, String> refunds = new ConcurrentHashMap<>();
  private final Map<PaymentId, AtomicInteger> refundRequests = new ConcurrentHashMap<>();
  private final LinkedBlockingDeque<PaymentCallback> pending = new LinkedBlockingDeque<>();
  private volatile PaymentCallbackSink sink;

  private record Charge(Money amount, PaymentCallback answer) {}

  private SimulatedPaymentProvider(Executor delivery, ExecutorService ownThread) {
    this.delivery = delivery;
    this.ownThread = ownThread;
  }

  /** Answers only when {@link #deliverPending()} is called. */
  public static SimulatedPaymentProvider answeringOnDemand() {
    return new SimulatedPaymentProvider(null, null);
  }

  /** Answers on {@code delivery}'s threads right after each charge. */
  public static SimulatedPaymentProvider answeringThrough(Executor delivery) {
    return new SimulatedPaymentProvider(Objects.requireNonNull(delivery, "delivery"), null);
  }

  /**
   * Answers on a daemon thread of its own right after each charge, like a real provider's webhook;
   * {@link #close()} stops the thread.
   */
  public static SimulatedPaymentProvider answeringOnOwnThread() {
    ExecutorService thread =
        Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("payment-simulator").daemon().factory());
    return new SimulatedPaymentProvider(thread, thread);
  }

  @Override
  public void close() {
    if (ownThread != null) {
      ownThread.shutdownNow();
    }
  }

  /** Where callbacks go from now on. */
  public void connect(PaymentCallbackSink sink) {
    this.sink = Objects.requireNonNull(sink, "sink");
  }

  @Override
  public void charge(PaymentId paymentId, Money amount) {
    chargeRequests.computeIfAbsent(paymentId, id -> new AtomicInteger()).incrementAndGet();
    boolean[] first = {false};
    charges.computeIfAbsent(
        paymentId,
        id -> {
          first[0] = true;
          return new Charge(amount, answerFor(id, amount));
        });
    if (first[0]) {
      pending.addLast(charges.get(paymentId).answer());
      if (delivery != null) {
        delivery.execute(this::deliverPending);
      }
    }
  }

  private static PaymentCallback answerFor(PaymentId id, Money amount) {
    boolean declines = amount.amount().remainder(BigDecimal.ONE).movePointRight(2).intValue() == 13;
    return declines
        ? new PaymentCallback(id, PaymentCallback.Status.DECLINED, "SIM-DECLINED-" + id)
        : new PaymentCallback(id, PaymentCallback.Status.CONFIRMED, "SIM-" + id);
  }

  @Override
  public String refund(PaymentId paymentId, Money amount) {
    refundRequests.computeIfAbsent(paymentId, id -> new AtomicInteger()).incrementAndGet();
    Charge charge = charges.get(paymentId);
    if (charge == null || charge.answer().status() != PaymentCallback.Status.CONFIRMED) {
      throw new IllegalStateException(
          "Expected a captured charge of payment " + paymentId + " to refund, but there is none");
    }
    if (!charge.amount().equals(amount)) {
      throw new IllegalStateException(
          "Expected a refund of "
              + charge.amount()
              + " for payment "
              + paymentId
              + ", but was asked for "
              + amount);
    }
    return refunds.computeIfAbsent(paymentId, id -> "SIM-REFUND-" + id);
  }

  /**
   * Delivers every queued answer to the sink, oldest first.
   *
   * @return how many were delivered
   * @throws IllegalStateException when no sink is connected
   */
  public int deliverPending() {
    int delivered = 0;
    PaymentCallback callback;
    while ((callback = pending.pollFirst()) != null) {
      try {
        requireSink().accept(callback);
      } catch (RuntimeException e) {
        pending.addFirst(callback); // not lost: delivered again on the next call
        throw e;
      }
      delivered++;
    }
    return delivered;
  }

  /** Sends a payment's answer once more, as a provider retrying its webhook does. */
  public void redeliver(PaymentId paymentId) {
    Charge charge = charges.get(paymentId);
    if (charge == null) {
      throw new IllegalStateException(
          "Expected a charge of payment " + paymentId + " to redeliver, but there is none");
    }
    requireSink().accept(charge.answer());
  }

  private PaymentCallbackSink requireSink() {
    PaymentCallbackSink current = sink;
    if (current == null) {
      throw new IllegalStateException(
          "Expected a callback sink to be connected to the payment simulator, but none is");
    }
    return current;
  }

  /** How often a charge of the payment was asked for. */
  public int chargeRequests(PaymentId paymentId) {
    AtomicInteger count = chargeRequests.get(paymentId);
    return count == null ? 0 : count.get();
  }

  /** How often money was actually captured for the payment: 0 or 1. */
  public int captures(PaymentId paymentId) {
    Charge charge = charges.get(paymentId);
    return charge != null && charge.answer().status() == PaymentCallback.Status.CONFIRMED ? 1 : 0;
  }

  /** How often money was actually refunded for the payment: 0 or 1. */
  public int refundsIssued(PaymentId paymentId) {
    return refunds.containsKey(paymentId) ? 1 : 0;
  }

  /** How often a refund of the payment was asked for. */
  public int refundRequests(PaymentId paymentId) {
    AtomicInteger count = refundRequests.get(paymentId);
    return count == null ? 0 : count.get();
  }

  public int pendingCallbacks() {
    return pending.size();
  }
}
