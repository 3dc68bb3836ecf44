package io.orderhub.engine.exporter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.orderhub.engine.EngineConfig;
import io.orderhub.engine.testing.EngineTestBase;
import io.orderhub.engine.testing.Transport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The exporter never blocks the engine and never loses or duplicates a row: with a queue of one it
 * falls behind and catches up from the journal; after a restart it resumes at its stored position;
 * a deleted read model is rebuilt from the journal, equal to the one it replaces; expired instances
 * are removed.
 */
class ExporterRecoveryTest extends EngineTestBase {

  @Override
  protected EngineConfig configure(EngineConfig config) {
    // a queue of one batch: almost everything goes the catch-up way, through the journal
    return config.withSecondaryStorage(config.secondaryStorage().withQueueCapacity(1));
  }

  private long enginePosition() {
    return engine.processor().read(s -> s.position()).join();
  }

  private void awaitExported() {
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> engine.exporter().exportedPosition() == enginePosition());
  }

  private void runOrders(int count) {
    for (int i = 0; i < count; i++) {
      start(Transport.REST, "p", Map.of("i", i));
    }
    for (int i = 0; i < count / 2; i++) {
      completeJob(Transport.REST, "work", Map.of("done", true));
    }
  }

  @Test
  void shouldCatchUpFromTheJournalWhenTheQueueIsFull() throws Exception {
    deploy(Transport.REST, oneTask("p", "work"));
    // sent all at once, the creations commit back to back, faster than the exporter's
    // transactions: a queue of one overflows however quiet the machine is
    List<io.camunda.client.api.CamundaFuture<?>> creations =
        java.util.stream.IntStream.range(0, 30)
            .<io.camunda.client.api.CamundaFuture<?>>mapToObj(
                i ->
                    client(Transport.GRPC)
                        .newCreateInstanceCommand()
                        .bpmnProcessId("p")
                        .latestVersion()
                        .variables(Map.of("i", i))
                        .send())
            .toList();
    creations.forEach(io.camunda.client.api.CamundaFuture::join);
    for (int i = 0; i < 15; i++) {
      completeJob(Transport.REST, "work", Map.of("done", true));
    }

    awaitExported();

    assertThat(engine.exporter().droppedBatches()).isPositive();
    assertThat(engine.exporter().batchesReadFromJournal()).isPositive();
    var storage = engine.secondaryStorage().dataSource();
    assertThat(ReadModelDump.count(storage, "process_instance")).isEqualTo(30);
    assertThat(ReadModelDump.count(storage, "job")).isEqualTo(30);
    assertThat(
            client(Transport.REST)
                .newProcessInstanceSearchRequest()
                .filter(
                    f -> f.state(io.camunda.client.api.search.enums.ProcessInstanceState.COMPLETED))
                .send()
                .join()
                .page()
                .totalItems())
        .isEqualTo(15);
  }

  @Test
  void shouldResumeAfterARestartAndRebuildAnEqualReadModelFromTheJournal() throws Exception {
    deploy(Transport.REST, oneTask("p", "work"));
    runOrders(10);
    awaitExported();

    restartEngine();
    runOrders(10);
    awaitExported();
    List<String> resumed = ReadModelDump.of(engine.secondaryStorage().dataSource());
    assertThat(ReadModelDump.count(engine.secondaryStorage().dataSource(), "process_instance"))
        .isEqualTo(20);

    restartEngine(dir -> deleteTree(dir.resolve("secondary-storage")));
    awaitExported();

    assertThat(ReadModelDump.of(engine.secondaryStorage().dataSource())).isEqualTo(resumed);
  }

  @Test
  void shouldRemoveInstancesThatEndedLongerAgoThanTheRetention() throws Exception {
    deploy(Transport.REST, oneTask("p", "work"));
    runOrders(4); // two complete, two stay active
    awaitExported();

    clock.advance(SecondaryStorageConfig.DEFAULT_RETENTION.minusHours(1));
    assertThat(engine.retention().removeExpired()).isZero();
    clock.advance(Duration.ofHours(2));
    assertThat(engine.retention().removeExpired()).isEqualTo(2);

    var storage = engine.secondaryStorage().dataSource();
    assertThat(ReadModelDump.count(storage, "process_instance")).isEqualTo(2);
    assertThat(ReadModelDump.count(storage, "job")).isEqualTo(2);
    assertThat(ReadModelDump.count(storage, "process_definition")).isEqualTo(1);
  }

  private static void deleteTree(Path dir) throws java.io.IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
