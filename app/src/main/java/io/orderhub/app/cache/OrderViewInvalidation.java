package io.orderhub.app.cache;

import io.orderhub.app.order.OrderView;
import io.orderhub.domain.order.model.Order;
import io.orderhub.domain.outbox.application.OutboxObserver;
import io.orderhub.domain.shared.model.AggregateRoot;
import io.orderhub.domain.shared.model.DomainEvent;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The order's events committed (whoever changed it: the API, a worker, the payment webhook): its
 * new view goes into the caches. Runs after the commit, before the change is answered.
 */
public class OrderViewInvalidation implements OutboxObserver {

  private static final Logger LOG = LoggerFactory.getLogger(OrderViewInvalidation.class);

  private final HotOrders hotOrders;

  public OrderViewInvalidation(HotOrders hotOrders) {
    this.hotOrders = hotOrders;
  }

  @Override
  public void committed(AggregateRoot aggregate, List<DomainEvent> events) {
    if (!(aggregate instanceof Order order)) {
      return;
    }
    try {
      hotOrders.changed(OrderView.of(order));
    } catch (RuntimeException e) {
      // an observer must not throw; the cache keeps an older view at most for its TTL
      LOG.warn("Expected to cache order {}'s new state, but: {}", order.orderId(), e.toString());
    }
  }
}
