package io.orderhub.app.payment;

/**
 * A callback contradicting the provider's earlier answer — DECLINED for a payment it CONFIRMED, or
 * the other way round (REST 409). The first answer stands; nothing is applied.
 */
public class ContradictoryCallback extends RuntimeException {

  private final String paymentId;
  private final String paymentStatus;

  public ContradictoryCallback(String paymentId, String paymentStatus, String message) {
    super(message);
    this.paymentId = paymentId;
    this.paymentStatus = paymentStatus;
  }

  public String paymentId() {
    return paymentId;
  }

  public String paymentStatus() {
    return paymentStatus;
  }
}
