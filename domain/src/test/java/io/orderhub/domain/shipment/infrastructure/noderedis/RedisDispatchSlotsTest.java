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
import io.orderhub.domain.shipment.application.DispatchSlots;
import io.orderhub.domain.shipment.application.RouteResult;
import io.orderhub.domain.shipment.application.ShipmentService;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fulfilment nodes' dispatch slots on a real redis-server process and PostgreSQL: booked in Redis
 * by the Lua script, recorded in the database, and — with Redis killed in the middle of a load —
 * booked in the database, none lost, none twice, and Redis rebuilt when it is back.
 */
@SpringBootTest(
    properties = {
      "orderhub.redis.enabled=true",
      "orderhub.shipment.dispatch.daily-capacity=7",
      "orderhub.redis.nodes.reconcile-interval=PT0.1S",
      "orderhub.redis.breaker.wait-in-open=PT0.2S",
      "orderhub.redis.key-prefix=test"
    })
class RedisDispatchSlotsTest {

  static final int CAPACITY = 7;
  static final EmbeddedRedis REDIS = new EmbeddedRedis().start();

  @DynamicPropertySource
  static void redis(DynamicPropertyRegistry registry) {
    registry.add("spring.data.redis.host", () -> "127.0.0.1");
    registry.add("spring.data.redis.port", REDIS::port);
  }

  @AfterAll
  static void stopRedis() {
    REDIS.close();
  }

  @Autowired ShipmentService shipments;
  @Autowired InventoryService inventory;
  @Autowired DispatchSlots slots;
  @Autowired ResilientDispatchSlots resilient;
  @Autowired RedisConnectionFactory connectionFactory;
  @Autowired DataSource dataSource;
  @Autowired PlatformTransactionManager transactionManager;

  WarehouseId warehouse;
  Sku sku;
  LocalDate today;
  RedisDispatchSlots redis;

  @BeforeEach
  void newWarehouse() {
    warehouse = WarehouseId.of("WH-" + UUID.randomUUID().toString().substring(0, 8));
    sku = Fixtures.newSku();
    inventory.receive(sku, warehouse, 1_000);
    today = LocalDate.now(ZoneOffset.UTC);
    redis = new RedisDispatchSlots(new StringRedisTemplate(connectionFactory), "test");
    // the node's first booking is the database's; the reconciler then seeds Redis with it
    route(reservedOrder());
    await().atMost(Duration.ofSeconds(30)).until(this::nodeInRedis);
  }

  @Test
  void shouldBookInRedisFillingOneDayAfterTheOther() {
    for (int i = 0; i < 2 * CAPACITY; i++) {
      route(reservedOrder());
    }

    assertThat(slots).isSameAs(resilient);
    assertThat(bookedPerDayInDatabase())
        .containsExactly(
            Map.entry(today, (long) CAPACITY),
            Map.entry(today.plusDays(1), (long) CAPACITY),
            Map.entry(today.plusDays(2), 1L));
    assertThat(bookedPerDayInDatabase()).isEqualTo(bookedPerDayInRedis());
  }

  @Test
  void shouldBookOnceForARepeatedOrRolledBackBooking() {
    OrderId order = reservedOrder();
    TransactionTemplate transactions = new TransactionTemplate(transactionManager);
    LocalDate rolledBack =
        transactions.execute(
            status -> {
              status.setRollbackOnly();
              return slots.book(order, warehouse, today).orElseThrow();
            });

    LocalDate booked =
        transactions.execute(status -> slots.book(order, warehouse, today).orElseThrow());
    LocalDate again =
        transactions.execute(status -> slots.book(order, warehouse, today).orElseThrow());

    assertThat(booked).isEqualTo(rolledBack).isEqualTo(again);
    assertThat(redis.bookedOn(warehouse, booked)).isEqualTo(2); // the first order's and this one
    assertThat(bookedPerDayInDatabase()).containsEntry(booked, 2L);
  }

  @Test
  void shouldGiveTheSlotBackWhenTheShipmentIsRecalled() {
    OrderId order = reservedOrder();
    route(order);
    assertThat(redis.bookedOn(warehouse, today)).isEqualTo(2);

    shipments.recall(order);

    assertThat(redis.bookedOn(warehouse, today)).isEqualTo(1);
    assertThat(bookedPerDayInDatabase()).containsExactly(Map.entry(today, 1L));
  }

  @Test
  void shouldNeitherLoseNorDoubleBookWhenRedisIsKilledMidLoad() throws Exception {
    int orders = 100;
    List<OrderId> ids = new ArrayList<>();
    for (int i = 0; i < orders; i++) {
      ids.add(reservedOrder());
    }
    CountDownLatch firstFifth = new CountDownLatch(orders / 5);
    ExecutorService threads = Executors.newFixedThreadPool(12);
    List<Future<RouteResult>> routings = new ArrayList<>();
    try {
      for (OrderId id : ids) {
        routings.add(
            threads.submit(
                () -> {
                  RouteResult result = shipments.route(id);
                  firstFifth.countDown();
                  return result;
                }));
      }
      assertThat(firstFifth.await(60, TimeUnit.SECONDS)).isTrue();
      assertThat(resilient.redisInService()).isTrue();
      REDIS.kill();
      for (Future<RouteResult> routing : routings) {
        assertThat(routing.get(60, TimeUnit.SECONDS)).isInstanceOf(RouteResult.Routed.class);
      }
    } finally {
      threads.shutdownNow();
    }

    // every order routed holds exactly one slot, and no day holds more than the capacity
    assertThat(slotsOf(ids)).isEqualTo(orders);
    assertThat(bookedPerDayInDatabase().values())
        .allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(CAPACITY));
    assertThat(bookedPerDayInDatabase().values().stream().mapToLong(Long::longValue).sum())
        .isEqualTo(orders + 1);
    assertThat(nodeInRedis()).as("the database booked while Redis was away").isFalse();

    REDIS.start(); // empty, as a restarted Redis without persistence
    await().atMost(Duration.ofSeconds(60)).until(resilient::redisInService);
    assertThat(bookedPerDayInRedis()).isEqualTo(bookedPerDayInDatabase());

    for (int i = 0; i < 10; i++) {
      route(reservedOrder());
    }
    assertThat(bookedPerDayInDatabase().values())
        .allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(CAPACITY));
    assertThat(bookedPerDayInDatabase().values().stream().mapToLong(Long::longValue).sum())
        .isEqualTo(orders + 11);
    assertThat(bookedPerDayInRedis()).isEqualTo(bookedPerDayInDatabase());
  }

  private OrderId reservedOrder() {
    OrderId order = OrderId.newId();
    inventory.reserve(order, List.of(new StockRequest(sku, 1)));
    return order;
  }

  private void route(OrderId order) {
    assertThat(shipments.route(order)).isInstanceOf(RouteResult.Routed.class);
  }

  private boolean nodeInRedis() {
    return resilient.redisInService()
        && JdbcClient.create(dataSource)
            .sql("select not redis_stale from shipment.fulfilment_node where warehouse_id = ?")
            .param(warehouse.value())
            .query(Boolean.class)
            .single();
  }

  private long slotsOf(List<OrderId> ids) {
    return JdbcClient.create(dataSource)
        .sql("select count(*) from shipment.dispatch_slot where order_id = any(?)")
        .param(ids.stream().map(OrderId::value).toArray(UUID[]::new))
        .query(Long.class)
        .single();
  }

  private Map<LocalDate, Long> bookedPerDayInDatabase() {
    Map<LocalDate, Long> perDay = new TreeMap<>();
    JdbcClient.create(dataSource)
        .sql(
            "select day, count(*) as n from shipment.dispatch_slot where warehouse_id = ?"
                + " group by day")
        .param(warehouse.value())
        .query((rs, i) -> perDay.put(rs.getObject("day", LocalDate.class), rs.getLong("n")))
        .list();
    return perDay;
  }

  private Map<LocalDate, Long> bookedPerDayInRedis() {
    Map<LocalDate, Long> perDay = new TreeMap<>();
    for (int i = 0; i < 30; i++) {
      long n = redis.bookedOn(warehouse, today.plusDays(i));
      if (n > 0) {
        perDay.put(today.plusDays(i), n);
      }
    }
    return perDay;
  }
}
