package io.orderhub.domain.payment.infrastructure;

import io.orderhub.domain.payment.application.PaymentCallbackSink;
import io.orderhub.domain.payment.application.PaymentProvider;
import io.orderhub.domain.payment.model.PaymentCallback;
import io.orderhub.domain.payment.model.PaymentId;
import io.orderhub.domain.resilience.InjectedFaults;
import io.orderhub.domain.shared.model.Money;
import io.orderhub.domain.shared.model.Text;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * A payment provider without a network, for local runs and tests, with deterministic answers: an
 * amount whose minor units end in {@code .13} is declined, every other amount is confirmed.
 *
 * <p>Its books — charges, answers, refunds, and which answers were delivered — live in PostgreSQL
 * ({@link SimulatorLedger}), as a real provider's live on its side: after a restart of the
 * application a captured charge can still be refunded, and every answer it still owed (the
 * application stopped before the callback went through) is sent again when it {@link #start()}s.
 *
 * <p>Answers are queued and delivered to the connected {@link PaymentCallbackSink} either by an
 * executor right after the charge (asynchronous, like a real provider; a failed delivery is retried
 * on its own thread) or only when {@link #deliverPending()} is called (tests decide when the
 * provider answers — no sleeping). Keeps count of what it was asked and of the money it moved, so
 * tests can prove "at most once". Thread-safe.
 */
public class SimulatedPaymentProvider implements PaymentProvider, SmartLifecycle, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(SimulatedPaymentProvider.class);
  private static final long REDELIVERY_DELAY_MILLIS = 1_000;

  /** The name of the provider this simulator plays unless asked for a {@link #channel}. */
  public static final String DEFAULT_NAME = "simulated";

  private final SimulatorLedger ledger;
  private final Executor delivery;
  private final ScheduledExecutorService ownThread;
  private final LinkedBlockingDeque<PaymentCallback> pending = new LinkedBlockingDeque<>();
  private final Map<String, Channel> channels = new ConcurrentHashMap<>();
  private final Channel own;
  private volatile PaymentCallbackSink sink;
  private volatile boolean running;

  private SimulatedPaymentProvider(
      SimulatorLedger ledger, Executor delivery, ScheduledExecutorService ownThread) {
    this.ledger = Objects.requireNonNull(ledger, "ledger");
    this.delivery = delivery;
    this.ownThread = ownThread;
    this.own = channel(DEFAULT_NAME);
  }

  /** Answers only when {@link #deliverPending()} is called. */
  public static SimulatedPaymentProvider answeringOnDemand(SimulatorLedger ledger) {
    return new SimulatedPaymentProvider(ledger, null, null);
  }

  /** Answers on {@code delivery}'s threads right after each charge. */
  public static SimulatedPaymentProvider answeringThrough(
      Executor delivery, SimulatorLedger ledger) {
    return new SimulatedPaymentProvider(ledger, Objects.requireNonNull(delivery, "delivery"), null);
  }

  /**
   * Answers on a daemon thread of its own right after each charge, like a real provider's webhook,
   * and tries again a second later while the webhook fails; {@link #close()} stops the thread.
   */
  public static SimulatedPaymentProvider answeringOnOwnThread(SimulatorLedger ledger) {
    ScheduledExecutorService thread =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("payment-simulator").daemon().factory());
    return new SimulatedPaymentProvider(ledger, thread, thread);
  }

  /**
   * Queues every answer still owed from before (a restart) and, when answering by itself, sends
   * them. Call once the final sink is connected; Spring does, after all beans are wired.
   */
  @Override
  public void start() {
    running = true;
    for (PaymentCallback owed : ledger.owed()) {
      if (!pending.contains(owed)) {
        pending.addLast(owed);
      }
    }
    if (!pending.isEmpty()) {
      LOG.info("Payment simulator re-sends {} answers it owed before the restart", pending.size());
      scheduleDelivery();
    }
  }

  @Override
  public void stop() {
    running = false;
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  @Override
  public void close() {
    running = false;
    if (ownThread != null) {
      ownThread.shutdownNow();
    }
  }

  /** Where callbacks go from now on. */
  public void connect(PaymentCallbackSink sink) {
    this.sink = Objects.requireNonNull(sink, "sink");
  }

  /** The provider's name in the payment's books: {@value #DEFAULT_NAME}. */
  @Override
  public String name() {
    return DEFAULT_NAME;
  }

  @Override
  public void charge(PaymentId paymentId, Money amount) {
    own.charge(paymentId, amount);
  }

  /**
   * The simulated provider called {@code name}: its own books (rows of that name in the ledger) and
   * its own injectable faults; its answers are delivered like every other. The same instance for
   * the same name.
   */
  public Channel channel(String name) {
    Text.requireToken(name, "simulated provider name", 64);
    return channels.computeIfAbsent(name, Channel::new);
  }

  private void scheduleDelivery() {
    if (delivery == null) {
      return;
    }
    try {
      delivery.execute(this::deliverOrRetryLater);
    } catch (RejectedExecutionException closed) {
      // shutting down: the answer stays owed in the ledger and is sent after the next start
    }
  }

  private void deliverOrRetryLater() {
    try {
      deliverPending();
    } catch (RuntimeException e) {
      LOG.debug("Payment callback not delivered yet, trying again: {}", e.toString());
      if (ownThread != null && !ownThread.isShutdown()) {
        try {
          ownThread.schedule(
              this::deliverOrRetryLater, REDELIVERY_DELAY_MILLIS, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closed) {
          // shutting down: still owed, sent after the next start
        }
      }
    }
  }

  @Override
  public String refund(PaymentId paymentId, Money amount) {
    return own.refund(paymentId, amount);
  }

  /**
   * Delivers every queued answer to the sink, oldest first; each is marked delivered in the ledger
   * once the sink took it.
   *
   * @return how many were delivered
   * @throws IllegalStateException when no sink is connected
   */
  public int deliverPending() {
    int delivered = 0;
    PaymentCallback callback;
    synchronized (pending) {
      while ((callback = pending.pollFirst()) != null) {
        try {
          requireSink().accept(callback);
        } catch (RuntimeException e) {
          pending.addFirst(callback); // not lost: delivered again on the next call
          throw e;
        }
        ledger.markDelivered(callback.paymentId());
        delivered++;
      }
    }
    return delivered;
  }

  /**
   * Sends a payment's answer (once more), as a provider retrying its webhook does; once the sink
   * took it, it is no longer owed.
   */
  public void redeliver(PaymentId paymentId) {
    SimulatorLedger.Charge charge =
        ledger.findAll(paymentId).stream()
            .findFirst()
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "Expected a charge of payment "
                            + paymentId
                            + " to redeliver, but there is none"));
    requireSink().accept(charge.answer());
    ledger.markDelivered(paymentId);
  }

  private PaymentCallbackSink requireSink() {
    PaymentCallbackSink current = sink;
    if (current == null) {
      throw new IllegalStateException(
          "Expected a callback sink to be connected to the payment simulator, but none is");
    }
    return current;
  }

  /** How often a charge of the payment was asked for, at every simulated provider together. */
  public int chargeRequests(PaymentId paymentId) {
    return ledger.findAll(paymentId).stream()
        .mapToInt(SimulatorLedger.Charge::chargeRequests)
        .sum();
  }

  /**
   * How often money was actually captured for the payment, at every simulated provider together: 0
   * or 1, unless the payment was wrongly charged at two providers.
   */
  public int captures(PaymentId paymentId) {
    return (int)
        ledger.findAll(paymentId).stream()
            .filter(c -> c.answer().status() == PaymentCallback.Status.CONFIRMED)
            .count();
  }

  /** How often money was actually refunded for the payment: 0 or 1. */
  public int refundsIssued(PaymentId paymentId) {
    return (int)
        ledger.findAll(paymentId).stream().filter(c -> c.refundReference().isPresent()).count();
  }

  /** How often a refund of the payment was asked for. */
  public int refundRequests(PaymentId paymentId) {
    return ledger.findAll(paymentId).stream()
        .mapToInt(SimulatorLedger.Charge::refundRequests)
        .sum();
  }

  public int pendingCallbacks() {
    return pending.size();
  }

  /**
   * One simulated provider with a name of its own: answers are {@code <NAME>-<payment id>}
   * references, its books are the ledger rows of its name, and faults can be injected at run time
   * (tests, demos). Thread-safe.
   */
  public final class Channel implements PaymentProvider {

    private final String name;
    private final String referencePrefix;
    private final AtomicLong calls = new AtomicLong();
    private volatile InjectedFaults faults = InjectedFaults.NONE;

    private Channel(String name) {
      this.name = name;
      this.referencePrefix =
          DEFAULT_NAME.equals(name) ? "SIM-" : name.toUpperCase(Locale.ROOT) + "-";
    }

    @Override
    public String name() {
      return name;
    }

    /** From now on the provider shows {@code faults}. */
    public Channel inject(InjectedFaults faults) {
      this.faults = Objects.requireNonNull(faults, "faults");
      return this;
    }

    public InjectedFaults faults() {
      return faults;
    }

    @Override
    public void charge(PaymentId paymentId, Money amount) {
      InjectedFaults current = beforeCall("charge of payment " + paymentId);
      PaymentCallback answer = answerFor(paymentId, amount);
      if (ledger.recordCharge(name, paymentId, amount, answer)) {
        pending.addLast(answer);
        scheduleDelivery();
      }
      current.delay();
    }

    @Override
    public String refund(PaymentId paymentId, Money amount) {
      InjectedFaults current = beforeCall("refund of payment " + paymentId);
      ledger.countRefundRequest(name, paymentId);
      SimulatorLedger.Charge charge =
          ledger
              .find(name, paymentId)
              .filter(c -> c.answer().status() == PaymentCallback.Status.CONFIRMED)
              .orElseThrow(
                  () ->
                      new IllegalStateException(
                          "Expected a captured charge of payment "
                              + paymentId
                              + " at "
                              + name
                              + " to refund, but there is none"));
      if (!charge.amount().equals(amount)) {
        throw new IllegalStateException(
            "Expected a refund of "
                + charge.amount()
                + " for payment "
                + paymentId
                + ", but was asked for "
                + amount);
      }
      String reference =
          ledger.recordRefund(name, paymentId, referencePrefix + "REFUND-" + paymentId);
      current.delay();
      return reference;
    }

    /** How often this provider was asked to charge the payment. */
    public int chargeRequests(PaymentId paymentId) {
      return ledger.find(name, paymentId).map(SimulatorLedger.Charge::chargeRequests).orElse(0);
    }

    private InjectedFaults beforeCall(String what) {
      InjectedFaults current = faults;
      if (current.failsCall(calls.incrementAndGet())) {
        throw new SimulatedOutage(name, what);
      }
      return current;
    }

    private PaymentCallback answerFor(PaymentId id, Money amount) {
      boolean declines =
          amount.amount().remainder(BigDecimal.ONE).movePointRight(2).intValue() == 13;
      return declines
          ? new PaymentCallback(
              id, PaymentCallback.Status.DECLINED, referencePrefix + "DECLINED-" + id)
          : new PaymentCallback(id, PaymentCallback.Status.CONFIRMED, referencePrefix + id);
    }
  }
}
