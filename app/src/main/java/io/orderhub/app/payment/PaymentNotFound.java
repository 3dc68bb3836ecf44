package io.orderhub.app.payment;

/** A provider callback named a payment we do not know (REST 404). */
public class PaymentNotFound extends RuntimeException {

  private final String paymentId;

  public PaymentNotFound(String paymentId, String reason) {
    super(reason);
    this.paymentId = paymentId;
  }

  public String paymentId() {
    return paymentId;
  }
}
