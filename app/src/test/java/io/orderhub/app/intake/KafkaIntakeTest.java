package io.orderhub.app.intake;

import static io.orderhub.app.Fixtures.key;
import static io.orderhub.app.Fixtures.line;
import static io.orderhub.app.Fixtures.order;
import static io.orderhub.app.Fixtures.orderJson;
import static io.orderhub.app.Fixtures.uniqueCustomer;
import static io.orderhub.app.Fixtures.uniqueKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camunda.client.CamundaClient;
import io.orderhub.app.Http;
import io.orderhub.app.Jobs;
import io.orderhub.app.OrderHubApplication;
import io.orderhub.app.TestServers;
import io.orderhub.domain.payment.application.PaymentService;
import io.orderhub.domain.payment.model.Payment;
import io.orderhub.domain.shared.model.Money;
import io.orderhub.domain.shared.model.OrderId;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole application in {@code orderhub.intake.mode=kafka} against the in-process KRaft broker
 * (Apache Kafka's own server, on free ports, data under the test's folder): 202 + Location once the
 * order is on {@code orders.intake}, ACCEPTED until the consumer persisted it, the Idempotency-Key
 * kept, 503 + Retry-After while the broker is down, and every acknowledged order persisted once it
 * is back. A context of its own: the mode changes how every order gets in.
 */
@SpringBootTest(
    classes = OrderHubApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "orderhub.intake.mode=kafka",
      "orderhub.intake.send-timeout=PT2S",
      "orderhub.intake.retry-after=PT3S",
      "orderhub.intake.partitions=3"
    })
@ActiveProfiles({"local", "test"})
class KafkaIntakeTest {

  private static final Duration PATIENCE = Duration.ofSeconds(60);

  @DynamicPropertySource
  static void embeddedServers(DynamicPropertyRegistry registry) {
    Path dataDir = TestServers.register(registry, true);
    int port = TestServers.freePort();
    int controllerPort = TestServers.freePort();
    registry.add("orderhub.intake.broker.port", () -> port);
    registry.add("orderhub.intake.broker.controller-port", () -> controllerPort);
    registry.add("orderhub.intake.broker.data-dir", () -> dataDir.resolve("kafka").toString());
  }

  @LocalServerPort int httpPort;
  @Autowired JdbcClient jdbc;
  @Autowired InProcessKafkaBroker broker;
  @Autowired Producer<String, String> intakeProducer;
  @Autowired IntakeProperties properties;
  @Autowired PaymentService payments;
  @Autowired CamundaClient camunda;

  @Test
  void shouldKeepCustomersToTheirOwnOrdersBeforeTheyArePersisted() {
    Http http = new Http(httpPort);
    String customer = uniqueCustomer();
    String other = uniqueCustomer();

    Http.Response forSomeoneElse =
        http.asCustomer(other).post("/api/orders", orderJson(customer), key(uniqueKey()));
    Http.Response own =
        http.asCustomer(customer).post("/api/orders", orderJson(customer), key(uniqueKey()));
    String id = own.json().path("id").asString();

    assertThat(forSomeoneElse.status()).as(forSomeoneElse.toString()).isEqualTo(403);
    assertThat(own.status()).as(own.toString()).isEqualTo(202);
    // accepted and not yet persisted, or persisted: another customer never learns it exists
    Http.Response peek = http.asCustomer(other).get("/api/orders/" + id);
    assertThat(peek.status()).as(peek.toString()).isEqualTo(404);
    assertThat(http.asCustomer(customer).get("/api/orders/" + id).status()).isEqualTo(200);
  }

  @Test
  void shouldAcknowledgeWith202AndLocationThenPersistAndStartTheProcess() {
    Http http = new Http(httpPort);
    String customer = uniqueCustomer();

    Http.Response accepted = http.post("/api/orders", orderJson(customer), key(uniqueKey()));

    assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
    String id = accepted.json().path("id").asString();
    assertThat(accepted.header("Location")).isEqualTo("/api/orders/" + id);
    assertThat(accepted.json().path("status").asString()).isEqualTo("ACCEPTED");
    assertThat(accepted.json().path("total").decimalValue()).isEqualByComparingTo("29.99");
    // read-your-writes: never a 404 between the 202 and the persisted order
    Http.Response read = http.get("/api/orders/" + id);
    assertThat(read.status()).as(read.toString()).isEqualTo(200);
    assertThat(read.json().path("customerId").asString()).isEqualTo(customer);

    await()
        .atMost(PATIENCE)
        .untilAsserted(
            () -> {
              assertThat(persisted(List.of(id))).isEqualTo(1);
              assertThat(processStarted(id)).isTrue();
            });
    Http.Response persisted = http.get("/api/orders/" + id);
    assertThat(persisted.status()).isEqualTo(200);
    assertThat(persisted.json().path("status").asString()).isNotEqualTo("ACCEPTED");
  }

  @Test
  void shouldKeepTheIdempotencyKeysMeaning() {
    Http http = new Http(httpPort);
    String customer = uniqueCustomer();
    String idempotencyKey = uniqueKey();

    Http.Response first = http.post("/api/orders", orderJson(customer), key(idempotencyKey));
    Http.Response again = http.post("/api/orders", orderJson(customer), key(idempotencyKey));

    assertThat(first.status()).as(first.toString()).isEqualTo(202);
    String id = first.json().path("id").asString();
    assertThat(again.status()).as(again.toString()).isIn(200, 202);
    assertThat(again.json().path("id").asString()).isEqualTo(id);
    assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
    await().atMost(PATIENCE).until(() -> persisted(List.of(id)) == 1);

    Http.Response afterwards = http.post("/api/orders", orderJson(customer), key(idempotencyKey));
    assertThat(afterwards.status()).as(afterwards.toString()).isEqualTo(200);
    assertThat(afterwards.json().path("id").asString()).isEqualTo(id);
    String other = Http.json(order(customer, List.of(line("SKU-1001", 7, "12.50"))));
    Http.Response reused = http.post("/api/orders", other, key(idempotencyKey));
    assertThat(reused.status()).as(reused.toString()).isEqualTo(422);
  }

  @Test
  void shouldRefuseAnInvalidOrderBeforeAcknowledgingIt() {
    Http http = new Http(httpPort);
    String unknownSku = Http.json(order(uniqueCustomer(), List.of(line("NO-SUCH-SKU", 1, "1.00"))));

    Http.Response refused = http.post("/api/orders", unknownSku, key(uniqueKey()));
    Http.Response noKey = http.post("/api/orders", orderJson(uniqueCustomer()));

    assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
    assertThat(refused.contentType()).startsWith("application/problem+json");
    assertThat(refused.json().path("errors").get(0).path("field").asString())
        .isEqualTo("lines[0].sku");
    assertThat(noKey.status()).isEqualTo(400);
  }

  @Test
  void shouldPersistARedeliveredRecordOnce() throws Exception {
    Http http = new Http(httpPort);
    String customer = uniqueCustomer();
    Http.Response accepted = http.post("/api/orders", orderJson(customer), key("redelivered"));
    String id = accepted.json().path("id").asString();
    await().atMost(PATIENCE).until(() -> persisted(List.of(id)) == 1);
    String record =
        """
        {"orderId":"%s","idempotencyKey":"redelivered","acceptedAt":"%s","request":%s}
        """
            .formatted(id, Instant.now(), orderJson(customer));

    // what a consumer that crashed before committing its offsets would read again, and a record
    // that can never be an order: neither may stop the group
    intakeProducer.send(new ProducerRecord<>(properties.topic(), id, record)).get();
    intakeProducer.send(new ProducerRecord<>(properties.topic(), "junk", "{not json")).get();
    Http.Response after = http.post("/api/orders", orderJson(uniqueCustomer()), key(uniqueKey()));
    String later = after.json().path("id").asString();

    await().atMost(PATIENCE).until(() -> persisted(List.of(later)) == 1);
    assertThat(
            jdbc.sql(
                    "select count(*) from orders.order_history where order_id = :id"
                        + " and event_type = 'OrderCreated'")
                .param("id", UUID.fromString(id))
                .query(Long.class)
                .single())
        .as("one OrderCreated, however often the record arrives")
        .isEqualTo(1);
  }

  @Test
  void shouldAnswer503WhileTheBrokerIsDownAndLoseNoAcknowledgedOrder() throws Exception {
    Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    List<Http.Response> unavailable = new ArrayList<>();
    AtomicInteger afterRestart = new AtomicInteger();
    AtomicBoolean brokerBack = new AtomicBoolean();
    AtomicBoolean running = new AtomicBoolean(true);
    ExecutorService clients = Executors.newFixedThreadPool(4);
    for (int c = 0; c < 4; c++) {
      clients.submit(
          () -> {
            Http http = new Http(httpPort);
            while (running.get()) {
              Http.Response r =
                  http.post("/api/orders", orderJson(uniqueCustomer()), key(uniqueKey()));
              if (r.status() == 202) {
                acknowledged.add(r.json().path("id").asString());
                if (brokerBack.get()) {
                  afterRestart.incrementAndGet();
                }
              } else if (r.status() == 503) {
                synchronized (unavailable) {
                  unavailable.add(r);
                }
              }
            }
            return null;
          });
    }
    try {
      await().atMost(PATIENCE).until(() -> acknowledged.size() >= 50);
      broker.stop();
      await()
          .atMost(PATIENCE)
          .until(
              () -> {
                synchronized (unavailable) {
                  return unavailable.size() >= 4;
                }
              });
      broker.start();
      brokerBack.set(true);
      await().atMost(PATIENCE).until(() -> afterRestart.get() >= 50);
    } finally {
      running.set(false);
      clients.shutdown();
      assertThat(clients.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    }

    synchronized (unavailable) {
      Http.Response first = unavailable.getFirst();
      assertThat(first.header("Retry-After")).isEqualTo("3");
      assertThat(first.contentType()).startsWith("application/problem+json");
      assertThat(first.json().path("type").asString())
          .isEqualTo("urn:orderhub:problem:intake-unavailable");
    }
    List<String> ids = List.copyOf(acknowledged);
    await().atMost(Duration.ofMinutes(3)).until(() -> persisted(ids) == ids.size());
  }

  @Test
  void shouldApplyAPaymentCallbackThatTravelledOverTheTopic() throws Exception {
    Http http = new Http(httpPort);
    Http.Response accepted =
        http.post("/api/orders", orderJson(uniqueCustomer()), key(uniqueKey()));
    String orderId = accepted.json().path("id").asString();
    await().atMost(PATIENCE).until(() -> persisted(List.of(orderId)) == 1);
    Payment payment =
        payments.requestPayment(OrderId.of(orderId), Money.of("29.99", "EUR")).payment();
    camunda
        .newCreateInstanceCommand()
        .bpmnProcessId("test-payment-confirmed")
        .latestVersion()
        .variables(Map.of("orderId", orderId, "waiter", "kafka"))
        .send()
        .join();
    String body =
        Http.json(
            Map.of(
                "paymentId",
                payment.paymentId().asString(),
                "status",
                "CONFIRMED",
                "providerReference",
                "PSP-" + orderId));

    Http.Response unsigned =
        http.post("/api/payments/callbacks", body, Map.of("Payment-Signature", "t=1,v1=00"));
    Http.Response queued =
        http.post("/api/payments/callbacks", body, Map.of("Payment-Signature", sign(body)));
    Http.Response again =
        http.post("/api/payments/callbacks", body, Map.of("Payment-Signature", sign(body)));

    assertThat(unsigned.status()).as("checked at the edge").isEqualTo(401);
    assertThat(queued.status()).as(queued.toString()).isEqualTo(202);
    assertThat(queued.json().path("outcome").asString()).isEqualTo("QUEUED");
    assertThat(again.status()).isEqualTo(202);
    assertThat(Jobs.await(camunda, "test.paid", Jobs.forOrder(orderId))).hasSize(1);
    await()
        .atMost(PATIENCE)
        .untilAsserted(
            () ->
                assertThat(payments.find(payment.paymentId()).orElseThrow().status().name())
                    .isEqualTo("CAPTURED"));
  }

  private long persisted(List<String> ids) {
    if (ids.isEmpty()) {
      return 0;
    }
    return jdbc.sql("select count(*) from orders.customer_order where id in (:ids)")
        .param("ids", ids.stream().map(UUID::fromString).toList())
        .query(Long.class)
        .single();
  }

  private boolean processStarted(String id) {
    return jdbc.sql("select count(*) from app.process_start where order_id = :id")
            .param("id", UUID.fromString(id))
            .query(Long.class)
            .single()
        > 0;
  }

  private static String sign(String body) throws Exception {
    long t = Instant.now().getEpochSecond();
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(
        new SecretKeySpec(
            "local-only-webhook-secret".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    byte[] digest = mac.doFinal((t + "." + body).getBytes(StandardCharsets.UTF_8));
    return "t=" + t + ",v1=" + HexFormat.of().formatHex(digest);
  }
}
