package io.orderhub.app.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.orderhub.domain.order.model.CustomerId;
import io.orderhub.domain.order.model.IdempotencyKey;
import io.orderhub.domain.order.model.Order;
import io.orderhub.domain.order.model.OrderLine;
import io.orderhub.domain.order.model.ShippingAddress;
import io.orderhub.domain.shared.model.OrderId;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * A create request waits for its order's process start at most {@code orderhub.process.start-wait}:
 * an engine that accepts the connection but does not answer (a busy one) must not hold the 201 back
 * for the client's whole request timeout.
 */
class ProcessStarterWaitTest {

  @Test
  void shouldStopWaitingForAnEngineThatDoesNotAnswer() throws Exception {
    // a real socket that accepts connections (the kernel's backlog) and never answers
    try (ServerSocket silentEngine = new ServerSocket(0);
        CamundaClient client =
            CamundaClient.newClientBuilder()
                .applyEnvironmentVariableOverrides(false)
                .restAddress(URI.create("http://localhost:" + silentEngine.getLocalPort()))
                .preferRestOverGrpc(true)
                .defaultRequestTimeout(Duration.ofSeconds(60))
                .build()) {
      ProcessProperties properties =
          new ProcessProperties(
              "order-fulfillment",
              Duration.ofHours(1),
              null,
              null,
              Duration.ofMillis(200),
              new ProcessProperties.StartRetry(Duration.ofSeconds(5), Duration.ofSeconds(10), 100),
              new ProcessProperties.Deployment(false, List.of()));
      // never reached: the start is only recorded once the engine answered
      ProcessStarts starts =
          new ProcessStarts(JdbcClient.create(new SimpleDriverDataSource()), null);
      ProcessStarter starter = new ProcessStarter(client, starts, properties, Clock.systemUTC());

      long began = System.nanoTime();
      ProcessStarter.Outcome outcome = starter.startPlaced(order());
      Duration waited = Duration.ofNanos(System.nanoTime() - began);

      assertThat(outcome).isInstanceOf(ProcessStarter.Outcome.Starting.class);
      assertThat(waited).isLessThan(Duration.ofSeconds(10));
    }
  }

  private static Order order() {
    return Order.place(
        OrderId.newId(),
        CustomerId.of("customer-1"),
        IdempotencyKey.of("key-1"),
        List.of(OrderLine.of("SKU-1", 1, "10.00", "EUR")),
        new ShippingAddress("Ada", "1 Street", "London", "N1", "GB"),
        Instant.now());
  }
}
