package io.orderhub.engine.exporter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.orderhub.engine.EngineConfig;
import io.orderhub.engine.testing.EngineTestBase;
import io.orderhub.engine.testing.Transport;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The same read model on a real PostgreSQL (embedded binaries), in a schema of its own. */
class ReadModelPostgresTest extends EngineTestBase {

  private static EmbeddedPostgres postgres;

  @BeforeAll
  static void startPostgres() throws Exception {
    postgres = EmbeddedPostgres.builder().start();
  }

  @AfterAll
  static void stopPostgres() throws Exception {
    postgres.close();
  }

  @Override
  protected EngineConfig configure(EngineConfig config) {
    return config.withSecondaryStorage(
        config
            .secondaryStorage()
            .withUrl(
                "jdbc:postgresql://localhost:"
                    + postgres.getPort()
                    + "/postgres?currentSchema=engine_readmodel",
                "postgres",
                ""));
  }

  @Test
  void shouldSearchAndRebuildOnPostgres() throws Exception {
    deploy(
        Transport.REST,
        Bpmn.createExecutableProcess("p")
            .name("P")
            .startEvent()
            .serviceTask("task", t -> t.zeebeJobType("work"))
            .exclusiveGateway("decide")
            .conditionExpression("= missing > 1")
            .endEvent()
            .moveToLastExclusiveGateway()
            .defaultFlow()
            .endEvent()
            .done());
    for (int i = 0; i < 4; i++) {
      start(Transport.REST, "p", Map.of("i", i, "text", "x".repeat(10_000)));
    }
    completeJob(Transport.REST, "work", Map.of());
    var client = client(Transport.REST);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                client.newIncidentSearchRequest().send().join().page().totalItems() == 1
                    && client
                            .newProcessInstanceSearchRequest()
                            .filter(f -> f.processDefinitionId("p"))
                            .send()
                            .join()
                            .page()
                            .totalItems()
                        == 4);
    var withIncident =
        client.newProcessInstanceSearchRequest().filter(f -> f.hasIncident(true)).send().join();
    assertThat(withIncident.items()).hasSize(1);
    var page =
        client
            .newProcessInstanceSearchRequest()
            .filter(
                f -> f.state(ProcessInstanceState.ACTIVE).processDefinitionName(n -> n.like("P*")))
            .sort(s -> s.startDate().desc())
            .page(p -> p.limit(3))
            .send()
            .join();
    assertThat(page.items()).hasSize(3);
    assertThat(page.page().totalItems()).isEqualTo(4);
    var variables =
        client.newVariableSearchRequest().filter(f -> f.name("text")).send().join().items();
    assertThat(variables).hasSize(4).allSatisfy(v -> assertThat(v.isTruncated()).isTrue());
    assertThat(
            client
                .newJobTypeStatisticsRequest(
                    java.time.OffsetDateTime.parse("2020-01-01T00:00:00Z"),
                    java.time.OffsetDateTime.parse("2030-01-01T00:00:00Z"))
                .send()
                .join()
                .items())
        .anySatisfy(s -> assertThat(s.getJobType()).isEqualTo("work"));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                engine.exporter().exportedPosition()
                    == engine.processor().read(s -> s.position()).join());
    List<String> before = ReadModelDump.of(engine.secondaryStorage().dataSource());

    restartEngine(
        dir -> {
          try (Connection connection = postgres.getPostgresDatabase().getConnection();
              Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA engine_readmodel CASCADE");
          } catch (java.sql.SQLException e) {
            throw new java.io.IOException(e);
          }
        });
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                engine.exporter().exportedPosition()
                    == engine.processor().read(s -> s.position()).join());
    assertThat(ReadModelDump.of(engine.secondaryStorage().dataSource())).isEqualTo(before);
  }
}
