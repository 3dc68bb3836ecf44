package io.orderhub.engine.recovery;

import static io.orderhub.engine.testing.Transport.REST;
import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.response.ActivatedJob;
import io.orderhub.engine.testing.EngineTestBase;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An engine upgraded onto a journal whose entries the previous version wrote as JSON replays them,
 * goes on with the compact format, and replays the mixed journal again.
 *
 * <p>The fixture is the journal segment (no snapshot, so everything is replayed) an engine of
 * commit 8f1482c left after: deploying process "legacy" (a job with a header, then a message
 * catch), starting instance A with {@link io.orderhub.engine.record.EventSamples}-like variables
 * and instance B with {@code orderId = "o-2"}, publishing message "Other", and activating A's job.
 */
class JsonJournalUpgradeTest extends EngineTestBase {

  private static final long INSTANCE_A = 2251799813685251L;
  private static final long INSTANCE_B = 2251799813685267L;
  private static final long JOB_OF_B = 2251799813685272L;
  private static final String SEGMENT = "00000000000000000001.log";

  @TempDir Path upgraded;

  @Test
  void replaysTheJsonJournalAndGoesOnInTheCompactFormat() throws IOException {
    engine.close();
    engine = null;
    Files.createDirectories(upgraded.resolve("journal"));
    try (InputStream in =
        getClass().getResourceAsStream("/fixtures/journal-json-v1/journal/" + SEGMENT)) {
      Files.copy(in, upgraded.resolve("journal").resolve(SEGMENT));
    }
    startEngineOn(upgraded);

    assertThat(variablesOf(INSTANCE_A)).isEqualTo(expectedVariablesOfA());
    assertThat(variablesOf(INSTANCE_B)).isEqualTo(Map.of("orderId", "o-2"));
    // A's job is activated (until its deadline), so B's is the one to hand out
    ActivatedJob job = activateOne(REST, "legacy-work");
    assertThat(job.getKey()).isEqualTo(JOB_OF_B);
    assertThat(job.getCustomHeaders()).isEqualTo(Map.of("region", "eu"));
    client(REST).newCompleteCommand(job.getKey()).variables(Map.of("done", 1)).send().join();
    client(REST)
        .newPublishMessageCommand()
        .messageName("Paid")
        .correlationKey("o-2")
        .timeToLive(Duration.ofMinutes(1))
        .send()
        .join();
    awaitProcessCompleted(INSTANCE_B);
    long instanceC = start(REST, "legacy", Map.of("orderId", "o-3")).getProcessInstanceKey();
    assertThat(instanceC).isGreaterThan(2251799813685273L); // keys of the old entries stay used

    // the snapshot of the clean close would spare the replay: without it, all entries replay
    closeAndRestartWithoutSnapshots();

    assertThat(variablesOf(INSTANCE_A)).isEqualTo(expectedVariablesOfA());
    assertThat(variablesOf(instanceC)).isEqualTo(Map.of("orderId", "o-3"));
    assertThat(variablesOf(INSTANCE_B)).isEmpty();
  }

  private void closeAndRestartWithoutSnapshots() throws IOException {
    engine.close();
    engine = null;
    Path snapshots = upgraded.resolve("snapshots");
    if (Files.exists(snapshots)) {
      try (Stream<Path> files = Files.walk(snapshots)) {
        files.sorted(Comparator.reverseOrder()).forEach(JsonJournalUpgradeTest::delete);
      }
    }
    startEngineOn(upgraded);
  }

  private static void delete(Path path) {
    try {
      Files.delete(path);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** What the fixture's instance A was started with (EventSamples.jsonShapes(7) at the time). */
  private static Map<String, Object> expectedVariablesOfA() {
    Map<String, Object> nested = new java.util.LinkedHashMap<>();
    nested.put("id", "order-7");
    nested.put("lines", java.util.List.of(1L, 2.5, "three", true));
    nested.put("none", null);
    Map<String, Object> shapes = new java.util.LinkedHashMap<>();
    shapes.put("text", "grüße \"quoted\" \n 7");
    shapes.put("empty", "");
    shapes.put("whole", 1_234_567_890_130L);
    shapes.put("negative", -42L);
    shapes.put("fraction", 7.1);
    shapes.put("yes", true);
    shapes.put("no", false);
    shapes.put("nothing", null);
    shapes.put("list", java.util.List.of("a", 1L, java.util.List.of()));
    shapes.put("map", nested);
    shapes.put("emptyMap", Map.of());
    return shapes;
  }
}
