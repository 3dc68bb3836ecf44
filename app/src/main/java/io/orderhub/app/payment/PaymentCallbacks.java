package io.orderhub.app.payment;

import io.orderhub.app.process.ProcessMessages;
import io.orderhub.domain.payment.application.CallbackOutcome;
import io.orderhub.domain.payment.application.PaymentCallbackSink;
import io.orderhub.domain.payment.application.PaymentService;
import io.orderhub.domain.payment.model.Payment;
import io.orderhub.domain.payment.model.PaymentCallback;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Takes a payment provider's callbacks — from the webhook or, in local runs, straight from the
 * simulated provider — applies them to the payment ({@link PaymentService#handleCallback}) and
 * tells the order's process: {@code PaymentConfirmed} for a captured payment, {@code PaymentFailed}
 * for a declined one, correlated by order id.
 *
 * <p>The message id is payment id + status, so the process hears each outcome once. A duplicate
 * callback publishes the same message again: the engine refuses it while the first is buffered (no
 * second correlation), and should the first publication have been lost (engine down after the
 * payment was saved), the provider's retry repairs it.
 *
 * <p>Thread-safe.
 */
public class PaymentCallbacks implements PaymentCallbackSink {

  private final PaymentService payments;
  private final ProcessMessages messages;

  public PaymentCallbacks(PaymentService payments, ProcessMessages messages) {
    this.payments = payments;
    this.messages = messages;
  }

  /** What the webhook answers. */
  public record Handled(Payment payment, boolean duplicate) {}

  /**
   * @throws PaymentNotFound when no payment has the callback's id
   * @throws ContradictoryCallback when the payment was answered before, the other way
   * @throws io.orderhub.app.process.EngineUnavailable when the outcome could not be published; the
   *     payment change is kept and a repeated callback publishes it
   */
  public Handled handle(PaymentCallback callback) {
    return switch (payments.handleCallback(callback)) {
      case CallbackOutcome.Applied applied -> {
        tellProcess(applied.payment());
        yield new Handled(applied.payment(), false);
      }
      case CallbackOutcome.Ignored ignored -> {
        CallbackContradictions.requireConsistent(callback, ignored.payment());
        tellProcess(ignored.payment());
        yield new Handled(ignored.payment(), true);
      }
      case CallbackOutcome.Rejected rejected ->
          throw new PaymentNotFound(callback.paymentId().asString(), rejected.reason());
    };
  }

  @Override
  public void accept(PaymentCallback callback) {
    handle(callback);
  }

  private void tellProcess(Payment payment) {
    Optional<String> message =
        switch (payment.status()) {
          case CAPTURED -> Optional.of(ProcessMessages.PAYMENT_CONFIRMED);
          case DECLINED -> Optional.of(ProcessMessages.PAYMENT_FAILED);
          // REQUESTED: no answer yet; VOIDED/REFUNDED: the order was cancelled meanwhile and its
          // compensation owns the money — the process waits for no payment any more
          case REQUESTED, VOIDED, REFUNDED -> Optional.empty();
        };
    message.ifPresent(
        name -> {
          Map<String, Object> variables = new LinkedHashMap<>();
          variables.put("paymentId", payment.paymentId().asString());
          variables.put("paymentStatus", payment.status().name());
          payment.providerReference().ifPresent(ref -> variables.put("providerReference", ref));
          messages.publish(
              name,
              payment.orderId(),
              payment.paymentId().asString() + ":" + payment.status().name(),
              variables);
        });
  }
}
