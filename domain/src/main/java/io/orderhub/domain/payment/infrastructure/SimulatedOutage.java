package io.orderhub.domain.payment.infrastructure;

/** A simulated provider failed a call on purpose (an injected fault): nothing happened. */
public class SimulatedOutage extends RuntimeException {

  public SimulatedOutage(String provider, String call) {
    super(
        "Expected "
            + provider
            + " to take the "
            + call
            + ", but it answered 503 Service Unavailable (simulated outage)");
  }
}
