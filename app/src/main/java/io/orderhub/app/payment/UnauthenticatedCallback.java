package io.orderhub.app.payment;

/** A payment callback without a valid, fresh signature (REST 401); nothing is applied. */
public class UnauthenticatedCallback extends RuntimeException {

  public UnauthenticatedCallback(String reason) {
    super(reason);
  }
}
