package io.orderhub.app;

import static io.orderhub.app.Fixtures.key;
import static io.orderhub.app.Fixtures.orderJson;
import static io.orderhub.app.Fixtures.uniqueCustomer;
import static io.orderhub.app.Fixtures.uniqueKey;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The OpenAPI document tells the truth (issue 9, item 10): every (method, path, status) the tests
 * of this run observed on {@code /api/**} is documented for that operation, with a body. Runs last
 * (see {@code junit-platform.properties}), so it sees what every other test saw; its own calls make
 * it meaningful when run alone.
 */
@Order(Integer.MAX_VALUE)
class OpenApiTruthTest extends ApplicationTest {

  @Test
  void shouldDocumentEveryStatusTheApiWasSeenToAnswer() {
    exerciseEveryOperation();
    JsonNode paths = http().get("/v3/api-docs").json().path("paths");
    List<Template> templates = new ArrayList<>();
    paths.propertyNames().forEach(path -> templates.add(Template.of(path)));
    // literal paths before templated ones: /api/orders/{id} must not swallow a literal sibling
    templates.sort(Comparator.comparingInt(Template::variables));

    List<String> undocumented = new ArrayList<>();
    for (Http.Observed seen : Http.observed()) {
      if (!seen.path().startsWith("/api/")) {
        continue;
      }
      String method = seen.method().toLowerCase(Locale.ROOT);
      Template template =
          templates.stream()
              .filter(t -> t.matches(seen.path()) && paths.path(t.path()).has(method))
              .findFirst()
              .orElse(null);
      if (template == null) {
        if (seen.status() != 404 && seen.status() != 405) {
          undocumented.add(seen + ": no documented operation");
        }
        continue;
      }
      JsonNode response =
          paths
              .path(template.path())
              .path(method)
              .path("responses")
              .path(String.valueOf(seen.status()));
      if (response.isMissingNode()) {
        undocumented.add(seen + ": " + template.path() + " documents no " + seen.status());
      } else if (seen.status() != 204 && response.path("content").isEmpty()) {
        undocumented.add(seen + ": " + template.path() + " documents no body for " + seen.status());
      }
    }

    assertThat(undocumented).as("observed but not documented").isEmpty();
    assertThat(Http.observed()).as("what the tests observed").hasSizeGreaterThanOrEqualTo(15);
  }

  /** One call per operation and outcome this class can produce on its own. */
  private void exerciseEveryOperation() {
    String id =
        http()
            .post("/api/orders", orderJson(uniqueCustomer()), key(uniqueKey()))
            .json()
            .path("id")
            .asString();
    http().post("/api/orders", orderJson(uniqueCustomer()), Map.of());
    http().get("/api/orders/" + id);
    http().get("/api/orders/" + UUID.randomUUID());
    http().get("/api/orders/nope");
    http().get("/api/orders?status=CREATED");
    http().get("/api/orders?colour=red");
    http().get("/api/orders/" + id + "/history");
    http().post("/api/orders/" + id + "/delivery", "");
    http().post("/api/orders/" + id + "/return", "{\"reason\":\"x\"}");
    http().post("/api/orders/" + id + "/cancellation", "");
    http().get("/api/stock");
    http().get("/api/stock/SKU-1001");
    http().get("/api/stock/NO-SUCH-SKU");
    http().put("/api/stock/SKU-OPENAPI/WH-NORTH", "{\"available\":1}");
    http().put("/api/stock/SKU-OPENAPI/WH-NORTH", "{\"available\":-1}");
    http().post("/api/payments/callbacks", "{}");
  }

  private record Template(String path, Pattern pattern, int variables) {

    static Template of(String path) {
      int variables = path.split("\\{", -1).length - 1;
      return new Template(path, Pattern.compile(path.replaceAll("\\{[^/]+}", "[^/]+")), variables);
    }

    boolean matches(String actual) {
      return pattern.matcher(actual).matches();
    }
  }
}
