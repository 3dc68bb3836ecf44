package io.orderhub.domain.shipment.infrastructure;

import io.orderhub.domain.resilience.InjectedFaults;
import io.orderhub.domain.shipment.application.Carrier;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A carrier without a network, for local runs and tests: books every pick-up it is asked for, once
 * per tracking number, and shows the faults injected into it. Its books live in memory — the
 * shipment's own state (PostgreSQL) is what the process relies on. Thread-safe.
 */
public class SimulatedCarrier implements Carrier {

  private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
  private final Map<String, Handover> booked = new ConcurrentHashMap<>();
  private final AtomicLong calls = new AtomicLong();
  private volatile InjectedFaults faults;

  public SimulatedCarrier() {
    this(InjectedFaults.NONE);
  }

  public SimulatedCarrier(InjectedFaults faults) {
    this.faults = Objects.requireNonNull(faults, "faults");
  }

  /** From now on the carrier shows {@code faults}. */
  public SimulatedCarrier inject(InjectedFaults faults) {
    this.faults = Objects.requireNonNull(faults, "faults");
    return this;
  }

  @Override
  public void handOver(Handover handover) {
    InjectedFaults current = faults;
    if (current.failsCall(calls.incrementAndGet())) {
      throw new CarrierOutage(handover.trackingNumber());
    }
    requests.computeIfAbsent(handover.trackingNumber(), n -> new AtomicInteger()).incrementAndGet();
    booked.putIfAbsent(handover.trackingNumber(), handover);
    current.delay();
  }

  /** How often the pick-up of the parcel was asked for. */
  public int requests(String trackingNumber) {
    AtomicInteger count = requests.get(trackingNumber);
    return count == null ? 0 : count.get();
  }

  /** Whether a pick-up of the parcel is booked (at most one, however often it was asked for). */
  public boolean isBooked(String trackingNumber) {
    return booked.containsKey(trackingNumber);
  }

  /** The simulated carrier failed a call on purpose: nothing was booked. */
  public static class CarrierOutage extends RuntimeException {
    CarrierOutage(String trackingNumber) {
      super(
          "Expected the carrier to book the pick-up of parcel "
              + trackingNumber
              + ", but it answered 503 Service Unavailable (simulated outage)");
    }
  }
}
