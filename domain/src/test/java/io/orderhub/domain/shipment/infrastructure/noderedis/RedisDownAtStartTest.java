package io.orderhub.domain.shipment.infrastructure.noderedis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.orderhub.domain.EmbeddedRedis;
import io.orderhub.domain.Fixtures;
import io.orderhub.domain.inventory.application.InventoryService;
import io.orderhub.domain.inventory.model.StockRequest;
import io.orderhub.domain.shared.model.OrderId;
import io.orderhub.domain.shared.model.Sku;
import io.orderhub.domain.shared.model.WarehouseId;
import io.orderhub.domain.shipment.application.RouteResult;
import io.orderhub.domain.shipment.application.ShipmentService;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Redis configured but not running when the application starts: routing books in PostgreSQL. */
@SpringBootTest(
    properties = {"orderhub.redis.enabled=true", "orderhub.redis.nodes.reconcile-interval=PT0.1S"})
class RedisDownAtStartTest {

  @DynamicPropertySource
  static void nobodyListening(DynamicPropertyRegistry registry) {
    // a free port nothing was started on
    int port = new EmbeddedRedis().port();
    registry.add("spring.data.redis.host", () -> "127.0.0.1");
    registry.add("spring.data.redis.port", () -> port);
  }

  @Autowired ShipmentService shipments;
  @Autowired InventoryService inventory;
  @Autowired ResilientDispatchSlots slots;

  @Test
  void shouldRouteWithoutRedis() {
    Sku sku = Fixtures.newSku();
    WarehouseId warehouse = WarehouseId.of("WH-DOWN-1");
    inventory.receive(sku, warehouse, 10);
    for (int i = 0; i < 3; i++) {
      OrderId order = OrderId.newId();
      inventory.reserve(order, List.of(new StockRequest(sku, 1)));

      assertThat(shipments.route(order)).isInstanceOf(RouteResult.Routed.class);
    }
    // the reconciler's first attempt (every 0.1 s) is what finds Redis away: no Redis call was
    // needed for the bookings above, as new nodes book in the database until seeded
    await().atMost(Duration.ofSeconds(30)).until(() -> !slots.redisInService());
  }
}
