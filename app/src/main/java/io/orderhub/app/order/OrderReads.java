package io.orderhub.app.order;

import io.orderhub.domain.shared.model.OrderId;

/**
 * How {@code GET /api/orders/{id}} reads an order: from the database, or through the hot-order
 * caches ({@code io.orderhub.app.cache}).
 */
public interface OrderReads {

  /**
   * The order, never older than {@code minVersion} (when not null: the version the client's last
   * change answered with).
   *
   * @throws io.orderhub.domain.order.application.OrderNotFound when there is no such order
   */
  OrderView read(OrderId orderId, Long minVersion);
}
