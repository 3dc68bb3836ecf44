package io.orderhub.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderhub.app.ApplicationTest;
import io.orderhub.app.Http;
import io.orderhub.app.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * What the application shows besides the API: the health status is public for probes, its
 * components and details only to operators; metrics and the other actuator endpoints need an
 * operator.
 */
class SurfaceTest extends ApplicationTest {

  @Test
  void shouldShowHealthStatusToEveryoneAndDetailsToOperatorsOnly() {
    for (String probe :
        new String[] {
          "/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"
        }) {
      Http.Response anonymous = http().anonymous().get(probe);
      assertThat(anonymous.status()).as(probe + " " + anonymous).isIn(200, 503);
      assertThat(anonymous.json().path("status").asString()).isNotBlank();
      assertThat(anonymous.json().has("components")).as(anonymous.toString()).isFalse();
      Http.Response customer = http().asCustomer("customer-surface").get(probe);
      assertThat(customer.json().has("components")).as(customer.toString()).isFalse();
    }
    Http.Response operator = http().get("/actuator/health");
    assertThat(operator.json().path("components").has("db")).as(operator.toString()).isTrue();
    assertThat(operator.json().path("components").path("db").has("details")).isTrue();
  }

  @Test
  void shouldKeepMetricsAndOtherEndpointsForOperators() {
    for (String endpoint :
        new String[] {
          "/actuator", "/actuator/prometheus", "/actuator/info", "/actuator/health/db"
        }) {
      assertThat(http().anonymous().get(endpoint).status()).as(endpoint).isEqualTo(401);
      assertThat(http().asCustomer("customer-surface").get(endpoint).status())
          .as(endpoint)
          .isEqualTo(403);
      assertThat(http().as(TestTokens.local(httpPort, "carrier", null)).get(endpoint).status())
          .as(endpoint)
          .isEqualTo(403);
      assertThat(http().get(endpoint).status()).as(endpoint).isEqualTo(200);
    }
  }

  @Test
  void shouldDocumentTheBearerSchemeInTheOpenApiDocument() {
    var document = http().anonymous().get("/v3/api-docs").json();
    assertThat(
            document
                .path("components")
                .path("securitySchemes")
                .path("bearer")
                .path("scheme")
                .asString())
        .isEqualTo("bearer");
    assertThat(
            document
                .path("paths")
                .path("/api/orders/{id}")
                .path("get")
                .path("responses")
                .has("401"))
        .isTrue();
    assertThat(document.path("paths").path("/api/payments/callbacks").path("post").path("security"))
        .isEmpty();
  }
}
