package io.orderhub.app.intake;

import io.orderhub.app.order.OrderRequests;
import io.orderhub.app.process.ProcessStarter;
import io.orderhub.domain.order.application.OrderService;
import io.orderhub.domain.order.application.PlaceOrder;
import io.orderhub.domain.order.application.PlaceOrderResult;
import io.orderhub.domain.order.model.IdempotencyKey;
import io.orderhub.domain.order.model.Order;
import io.orderhub.domain.shared.model.OrderId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.BatchMessageListener;
import tools.jackson.databind.json.JsonMapper;

/**
 * Persists a poll's worth of {@code orders.intake} records in one transaction ({@link
 * OrderService#placeAll}), then starts the new orders' processes. The container commits the batch's
 * offsets only after this returns — after the database commit — so a crash replays the batch and
 * the replay is deduplicated by order id (same order: nothing new; the process start is guarded
 * twice, see {@link ProcessStarter}). A failing database fails the batch, which the container
 * retries until it succeeds: an acknowledged order is never skipped.
 *
 * <p>A record that cannot be an order (not the JSON the edge writes, or a rule it breaks) is logged
 * and skipped: retrying it could never succeed. Records for the same order within a batch collapse
 * into one.
 */
public class IntakeConsumer implements BatchMessageListener<String, String> {

  private static final Logger LOG = LoggerFactory.getLogger(IntakeConsumer.class);

  private final JsonMapper json;
  private final OrderService orders;
  private final ProcessStarter starter;
  private final AcceptedIntakes accepted;
  private final ExecutorService starts;

  public IntakeConsumer(
      JsonMapper json,
      OrderService orders,
      ProcessStarter starter,
      AcceptedIntakes accepted,
      ExecutorService starts) {
    this.json = json;
    this.orders = orders;
    this.starter = starter;
    this.accepted = accepted;
    this.starts = starts;
  }

  @Override
  public void onMessage(List<ConsumerRecord<String, String>> records) {
    Map<OrderId, PlaceOrder> commands = new LinkedHashMap<>();
    for (ConsumerRecord<String, String> record : records) {
      PlaceOrder command = command(record);
      if (command != null) {
        commands.putIfAbsent(command.orderId(), command);
      }
    }
    List<PlaceOrderResult> results = orders.placeAll(List.copyOf(commands.values()));
    List<Order> toStart = new ArrayList<>(results.size());
    for (PlaceOrderResult result : results) {
      switch (result) {
        case PlaceOrderResult.Created created -> toStart.add(created.order());
        // a replay after a crash: its process may not have been started yet
        case PlaceOrderResult.AlreadyPlaced again -> toStart.add(again.order());
        case PlaceOrderResult.KeyReused reused ->
            LOG.warn("Dropped an intake record: {}", reused.reason());
      }
    }
    startAll(toStart);
    accepted.forgetAll(commands.keySet());
  }

  private PlaceOrder command(ConsumerRecord<String, String> record) {
    try {
      IntakeRecord intake = json.readValue(record.value(), IntakeRecord.class);
      PlaceOrder command =
          OrderRequests.toCommand(intake.request(), IdempotencyKey.of(intake.idempotencyKey()));
      if (!command.orderId().asString().equals(intake.orderId())) {
        throw new IllegalArgumentException(
            "its order id " + intake.orderId() + " is not the one of its customer and key");
      }
      return command;
    } catch (RuntimeException e) { // JSON (JacksonException), or a rule the content breaks
      LOG.error(
          "Skipped {}-{}@{} (key {}): not an order: {}",
          record.topic(),
          record.partition(),
          record.offset(),
          record.key(),
          e.toString());
      return null;
    }
  }

  // the starts of one batch run side by side; one that fails is left to the retry sweep, which
  // takes every CREATED order without a started process
  private void startAll(List<Order> toStart) {
    CompletableFuture<?>[] pending =
        toStart.stream()
            .map(
                order ->
                    CompletableFuture.runAsync(
                        () -> {
                          try {
                            if (starter.ensureStarted(order)
                                instanceof ProcessStarter.Outcome.Deferred d) {
                              LOG.warn(
                                  "Order {} is placed; its process starts later: {}",
                                  order.orderId(),
                                  d.reason());
                            }
                          } catch (RuntimeException e) {
                            LOG.warn(
                                "Order {} is placed; its process starts later: {}",
                                order.orderId(),
                                e.toString());
                          }
                        },
                        starts))
            .toArray(CompletableFuture[]::new);
    CompletableFuture.allOf(pending).join();
  }
}
