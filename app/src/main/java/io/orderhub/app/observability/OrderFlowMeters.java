package io.orderhub.app.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.orderhub.domain.order.model.Order;
import io.orderhub.domain.order.model.OrderEvent.OrderCancellationRequested;
import io.orderhub.domain.order.model.OrderEvent.OrderCancelled;
import io.orderhub.domain.order.model.OrderEvent.OrderCompleted;
import io.orderhub.domain.order.model.OrderEvent.OrderRejected;
import io.orderhub.domain.order.model.OrderStatus;
import io.orderhub.domain.outbox.application.OutboxObserver;
import io.orderhub.domain.shared.model.AggregateRoot;
import io.orderhub.domain.shared.model.DomainEvent;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Order state transitions and saga durations, counted from the events the order aggregate commits
 * (so a rolled-back change counts nothing). A cancellation requested once stock was reserved ends
 * as {@code compensated} (completed steps had to be undone), before that as {@code cancelled}.
 *
 * <p>Thread-safety: any thread. The pending-cancellation map holds only orders between their
 * cancellation request and its end.
 */
public class OrderFlowMeters implements OutboxObserver {

  /** States from which a cancellation has completed steps to undo. */
  private static final Set<OrderStatus> BEFORE_ANY_STEP =
      EnumSet.of(OrderStatus.CREATED, OrderStatus.VALIDATED, OrderStatus.OUT_OF_STOCK);

  private final MeterRegistry registry;
  private final Clock clock;
  private final Map<String, Counter> transitions = new ConcurrentHashMap<>();
  private final Map<String, Timer> sagas = new ConcurrentHashMap<>();
  private final Map<String, OrderStatus> cancellationRequestedIn = new ConcurrentHashMap<>();

  public OrderFlowMeters(MeterRegistry registry, Clock clock) {
    this.registry = registry;
    this.clock = clock;
    for (String outcome : List.of("completed", "cancelled", "compensated", "rejected")) {
      saga(outcome);
    }
  }

  @Override
  public void committed(AggregateRoot aggregate, List<DomainEvent> events) {
    if (!(aggregate instanceof Order order)) {
      return;
    }
    for (DomainEvent event : events) {
      transitions
          .computeIfAbsent(event.eventType(), type -> AppMeters.orderTransitions(registry, type))
          .increment();
      switch (event) {
        case OrderCompleted e -> ended(order, "completed");
        case OrderRejected e -> ended(order, "rejected");
        case OrderCancellationRequested e ->
            cancellationRequestedIn.put(order.orderId().asString(), e.requestedIn());
        case OrderCancelled e -> {
          OrderStatus requestedIn = cancellationRequestedIn.remove(order.orderId().asString());
          ended(
              order,
              requestedIn == null || BEFORE_ANY_STEP.contains(requestedIn)
                  ? "cancelled"
                  : "compensated");
        }
        default -> {}
      }
    }
  }

  private void ended(Order order, String outcome) {
    Duration took = Duration.between(order.createdAt(), clock.instant());
    saga(outcome).record(took.isNegative() ? Duration.ZERO : took);
  }

  private Timer saga(String outcome) {
    return sagas.computeIfAbsent(outcome, o -> AppMeters.sagaDuration(registry, o));
  }
}
