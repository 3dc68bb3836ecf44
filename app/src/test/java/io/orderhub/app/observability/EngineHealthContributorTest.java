package io.orderhub.app.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.orderhub.app.ApplicationTest;
import io.orderhub.app.Http;
import io.orderhub.engine.Engine;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 12 item 5, as the application sees it: the {@code engine} health component follows whether
 * the engine processes commands, not whether it answers a topology request.
 */
class EngineHealthContributorTest extends ApplicationTest {

  @Autowired Engine embeddedEngine;

  @Test
  void shouldReportTheEngineDownWhileItsProcessingIsWedged() {
    // given
    assertThat(engineStatus(http().get("/actuator/health"))).isEqualTo("UP");
    CountDownLatch release = new CountDownLatch(1);

    try {
      // when the processing thread is stuck in one step (application-test: wedged after 2 s)
      embeddedEngine
          .processor()
          .read(
              state -> {
                try {
                  release.await();
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
                return null;
              });

      // then
      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> http().get("/actuator/health").status() == 503);
      Http.Response health = http().get("/actuator/health");
      assertThat(engineStatus(health)).as(health.toString()).isEqualTo("DOWN");
      assertThat(http().get("/actuator/health/readiness").status()).isEqualTo(503);
      assertThat(http().get("/actuator/health/liveness").status()).isEqualTo(503);
    } finally {
      release.countDown();
    }

    // and once it moves again
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> http().get("/actuator/health/readiness").status() == 200);
    assertThat(engineStatus(http().get("/actuator/health"))).isEqualTo("UP");
  }

  private static String engineStatus(Http.Response health) {
    return health.json().path("components").path("engine").path("status").asString();
  }
}
