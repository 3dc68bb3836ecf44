package io.orderhub.engine.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.orderhub.engine.Engine;
import io.orderhub.engine.EngineConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 12 item 5: the probes say whether commands are being processed. */
class EngineHealthTest {

  @TempDir Path dataDir;
  private Engine engine;
  private Monitoring monitoring;

  @BeforeEach
  void start() throws IOException {
    engine =
        Engine.start(
            EngineConfig.defaults(dataDir).withPorts(-1, -1),
            MonitoringConfig.on(0).withWedgedAfter(Duration.ofMillis(300)));
    monitoring = new Monitoring(engine.monitoringPort());
  }

  @AfterEach
  void stop() {
    engine.close();
  }

  @Test
  void shouldBeDownWhileTheProcessingThreadIsWedgedAndUpAgainOnceItMoves() {
    // given
    assertThat(monitoring.probe("liveness")).isEqualTo(200);
    CountDownLatch release = new CountDownLatch(1);

    // when a step blocks the processing thread
    engine
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
    await().atMost(Duration.ofSeconds(10)).until(() -> monitoring.probe("liveness") == 503);
    assertThat(monitoring.probe("readiness")).isEqualTo(503);
    assertThat(monitoring.get("/actuator/health/liveness").body())
        .contains("\"status\":\"DOWN\"", "\"processingThreadAlive\":true");

    // and when it moves again
    release.countDown();
    await().atMost(Duration.ofSeconds(10)).until(() -> monitoring.probe("liveness") == 200);
    assertThat(monitoring.probe("readiness")).isEqualTo(200);
  }

  @Test
  void shouldBeDownOnceTheProcessingThreadDied() {
    // when an Error escapes a step (as a StackOverflowError or OutOfMemoryError would)
    engine
        .processor()
        .read(
            state -> {
              throw new LinkageError("test: the processing thread dies");
            });

    // then
    await().atMost(Duration.ofSeconds(10)).until(() -> monitoring.probe("liveness") == 503);
    assertThat(monitoring.probe("readiness")).isEqualTo(503);
    assertThat(monitoring.get("/actuator/health/liveness").body())
        .contains("\"processingThreadAlive\":false");
    assertThat(monitoring.scrape()).contains("orderhub_engine_processing_alive 0.0");
  }

  @Test
  void shouldBeDownForReadinessOnceClosing() {
    engine.processor().close(false);

    assertThat(monitoring.probe("readiness")).isEqualTo(503);
  }
}
