package io.orderhub.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderhub.app.local.DemoStock;
import io.orderhub.domain.inventory.application.InventoryService;
import io.orderhub.domain.inventory.model.StockLevel;
import io.orderhub.domain.shared.model.Sku;
import io.orderhub.domain.shared.model.WarehouseId;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** What an operator relies on: the health endpoint, the OpenAPI document, the demo stock. */
class OperationsTest extends ApplicationTest {

  @Autowired InventoryService inventory;

  @Test
  void shouldReportHealthUpWithEngineAndDatabase() {
    Http.Response health = http().get("/actuator/health");

    assertThat(health.status()).as(health.toString()).isEqualTo(200);
    assertThat(health.json().path("status").asString()).isEqualTo("UP");
    assertThat(health.json().path("components").path("camundaClient").path("status").asString())
        .isEqualTo("UP");
    assertThat(health.json().path("components").path("db").path("status").asString())
        .isEqualTo("UP");
  }

  @Test
  void shouldAnswerLivenessAndReadinessProbes() {
    Http.Response liveness = http().get("/actuator/health/liveness");
    Http.Response readiness = http().get("/actuator/health/readiness");

    assertThat(liveness.status()).as(liveness.toString()).isEqualTo(200);
    // only the application itself and, embedded in it, the engine's processing decide liveness
    assertThat(liveness.json().path("components").propertyNames())
        .containsExactlyInAnyOrder("livenessState", "engine");
    assertThat(readiness.status()).as(readiness.toString()).isEqualTo(200);
    assertThat(readiness.json().path("components").propertyNames())
        .contains("readinessState", "db", "camundaClient", "engine");
  }

  @Test
  void shouldServeTheOpenApiDocument() {
    Http.Response doc = http().get("/v3/api-docs");

    assertThat(doc.status()).isEqualTo(200);
    assertThat(doc.json().path("openapi").asString()).startsWith("3.");
    assertThat(doc.json().path("paths").propertyNames())
        .contains(
            "/api/orders",
            "/api/orders/{id}",
            "/api/orders/{id}/cancellation",
            "/api/orders/{id}/return",
            "/api/payments/callbacks");
    assertThat(
            doc.json()
                .path("components")
                .path("schemas")
                .path("CreateOrderRequest")
                .path("required")
                .toString())
        .contains("customerId", "lines", "shippingAddress");
  }

  @Test
  void shouldSeedTheDemoStockInTwoWarehouses() {
    for (DemoStock.Item item : DemoStock.ITEMS) {
      Optional<StockLevel> level =
          inventory.stockOf(Sku.of(item.sku()), WarehouseId.of(item.warehouse()));
      assertThat(level).as(item.toString()).isPresent();
    }
    assertThat(DemoStock.ITEMS.stream().map(DemoStock.Item::warehouse).distinct()).hasSize(2);
  }
}
