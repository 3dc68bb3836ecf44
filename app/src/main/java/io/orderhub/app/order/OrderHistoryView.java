package io.orderhub.app.order;

import io.orderhub.domain.order.model.OrderStateChange;
import io.orderhub.domain.shared.model.OrderId;
import java.time.Instant;
import java.util.List;

/** An order's history as the REST API shows it: every state, oldest first. */
public record OrderHistoryView(String orderId, List<Entry> entries) {

  /** One state: when the order entered it, why (when known), and the event that recorded it. */
  public record Entry(String status, String reason, String event, Instant at) {}

  static OrderHistoryView of(OrderId orderId, List<OrderStateChange> changes) {
    return new OrderHistoryView(
        orderId.asString(),
        changes.stream()
            .map(c -> new Entry(c.status().name(), c.reason(), c.eventType(), c.occurredAt()))
            .toList());
  }
}
