package io.orderhub.engine.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camunda.client.CamundaClient;
import io.orderhub.engine.Engine;
import io.orderhub.engine.EngineConfig;
import io.orderhub.engine.exporter.ReadModelDump;
import io.orderhub.engine.testing.Transport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGKILL an engine while its exporter is writing: after a restart the read model must end equal to
 * one rebuilt from the journal alone, and hold every acknowledged instance exactly once.
 */
class ExporterCrashTest {

  @TempDir Path temp;

  @Test
  void shouldEndWithTheReadModelARebuildFromTheJournalGives() throws Exception {
    Path data = temp.resolve("data");
    List<Long> acknowledged = new ArrayList<>();
    try (ChildEngine child = ChildEngine.start(data, temp.resolve("engine.log"), null, List.of())) {
      CamundaClient client = child.client(Transport.REST);
      client
          .newDeployResourceCommand()
          .addProcessModel(
              io.camunda.zeebe.model.bpmn.Bpmn.createExecutableProcess("p")
                  .startEvent()
                  .serviceTask("task", t -> t.zeebeJobType("work"))
                  .endEvent()
                  .done(),
              "p.bpmn")
          .send()
          .join();
      // keep the exporter busy: many in flight at once, then kill while they are being exported
      for (int round = 0; round < 5; round++) {
        List<CompletableFuture<Long>> inFlight = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
          inFlight.add(
              client
                  .newCreateInstanceCommand()
                  .bpmnProcessId("p")
                  .latestVersion()
                  .variables(Map.of("round", round, "i", i))
                  .send()
                  .toCompletableFuture()
                  .thenApply(e -> e.getProcessInstanceKey()));
        }
        for (CompletableFuture<Long> future : inFlight) {
          acknowledged.add(future.join());
        }
      }
      child.kill();
    }

    List<String> recovered;
    try (Engine engine = Engine.start(EngineConfig.defaults(data).withPorts(-1, -1))) {
      awaitExported(engine);
      recovered = ReadModelDump.of(engine.secondaryStorage().dataSource());
      assertThat(ReadModelDump.count(engine.secondaryStorage().dataSource(), "process_instance"))
          .isEqualTo(acknowledged.size());
    }

    Path rebuilt = temp.resolve("rebuilt");
    copyTree(data, rebuilt);
    deleteTree(rebuilt.resolve("secondary-storage"));
    try (Engine engine = Engine.start(EngineConfig.defaults(rebuilt).withPorts(-1, -1))) {
      awaitExported(engine);
      assertThat(ReadModelDump.of(engine.secondaryStorage().dataSource())).isEqualTo(recovered);
    }
  }

  private static void awaitExported(Engine engine) {
    long position = engine.processor().read(s -> s.position()).join();
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> engine.exporter().exportedPosition() >= position);
  }

  private static void copyTree(Path from, Path to) throws java.io.IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path path : paths.toList()) {
        Path target = to.resolve(from.relativize(path).toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(target);
        } else {
          Files.copy(path, target);
        }
      }
    }
  }

  private static void deleteTree(Path dir) throws java.io.IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
