package io.orderhub.app.restart;

import static io.orderhub.app.Fixtures.key;
import static io.orderhub.app.Fixtures.orderJson;
import static io.orderhub.app.Fixtures.uniqueCustomer;
import static io.orderhub.app.Fixtures.uniqueKey;
import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.response.DeploymentEvent;
import io.orderhub.app.Http;
import io.orderhub.app.Jobs;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Process versions are governed by their version tag: the bundled model (tag {@code bundled-1}) is
 * deployed once; a version an analyst deployed afterwards (v2, tag {@code analyst-2}) survives a
 * restart of the application instead of being replaced by the bundled content; orders in flight
 * stay on their version, new ones take the latest; a new bundled tag is deployed again.
 */
@ExtendWith(OutputCaptureExtension.class)
class ProcessVersionsAcrossRestartTest {

  private static final String MODEL = "test-bpmn-versioned/order-fulfillment.bpmn";

  private final AppRuns runs =
      new AppRuns().with("orderhub.process.deployment.resources", "classpath:" + MODEL);

  @Test
  void shouldKeepTheAnalystsVersionAcrossARestart(CapturedOutput output) throws IOException {
    String bundled = bundledModel();
    String inFlight;
    try (AppRuns.Run first = runs.start()) {
      inFlight = place(first.http);
      assertThat(Jobs.await(first.camunda(), "test.fulfil", Jobs.forOrder(inFlight))).hasSize(1);

      DeploymentEvent analyst =
          first
              .camunda()
              .newDeployResourceCommand()
              .addResourceStringUtf8(
                  bundled
                      .replace("bundled-1", "analyst-2")
                      .replace("\"test.fulfil\"", "\"test.fulfil.v2\""),
                  "order-fulfillment.bpmn")
              .send()
              .join();
      assertThat(analyst.getProcesses().getFirst().getVersion()).isEqualTo(2);
    }

    try (AppRuns.Run second = runs.start()) {
      String placedAfterRestart = place(second.http);

      List<ActivatedJob> onV2 =
          Jobs.await(second.camunda(), "test.fulfil.v2", Jobs.forOrder(placedAfterRestart));
      assertThat(onV2).hasSize(1);
      assertThat(onV2.getFirst().getProcessDefinitionVersion()).isEqualTo(2);
      // the order in flight is still waiting in its version-1 job, and nothing of it moved to v2
      ActivatedJob stillOnV1 =
          Jobs.await(second.camunda(), "test.fulfil", Jobs.forOrder(inFlight)).getFirst();
      assertThat(stillOnV1.getProcessDefinitionVersion()).isEqualTo(1);
      assertThat(
              Jobs.await(second.camunda(), "test.fulfil.v2", Jobs.forOrder(placedAfterRestart))
                  .stream()
                  .filter(Jobs.forOrder(inFlight)))
          .isEmpty();
    }

    // a new release of the application brings a new tag: that one is deployed and taken
    try (AppRuns.Run released =
        runs.start(
            "orderhub.process.deployment.resources=classpath:test-bpmn-versioned-next/*.bpmn")) {
      String placedOnRelease = place(released.http);

      assertThat(
              Jobs.await(released.camunda(), "test.fulfil.next", Jobs.forOrder(placedOnRelease))
                  .getFirst()
                  .getProcessDefinitionVersion())
          .isEqualTo(3);
    }
    // three starts and stops, and nothing in the log an operator would have to look into
    assertThat(output.getOut().lines().filter(line -> line.contains(" ERROR "))).isEmpty();
  }

  private static String bundledModel() throws IOException {
    try (InputStream in =
        ProcessVersionsAcrossRestartTest.class.getClassLoader().getResourceAsStream(MODEL)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static String place(Http http) {
    Http.Response placed = http.post("/api/orders", orderJson(uniqueCustomer()), key(uniqueKey()));
    assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
    return placed.json().path("id").asString();
  }
}
