package io.orderhub.app.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.orderhub.app.observability.AppMeters.Channel;
import java.util.EnumMap;
import java.util.Map;

/** Counts orders placed per channel; the adapters tell it, as only they know the channel. */
public class OrdersCreatedMeter {

  private final Map<Channel, Counter> counters = new EnumMap<>(Channel.class);

  public OrdersCreatedMeter(MeterRegistry registry) {
    for (Channel channel : Channel.values()) {
      counters.put(channel, AppMeters.ordersCreated(registry, channel));
    }
  }

  /** An order was placed through {@code channel}; a replayed idempotency key is not a new one. */
  public void placed(Channel channel) {
    counters.get(channel).increment();
  }
}
