package io.orderhub.bench;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.worker.JobWorker;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.orderhub.engine.Engine;
import io.orderhub.engine.EngineConfig;
import io.orderhub.engine.exporter.SecondaryStorage;
import io.orderhub.engine.exporter.SecondaryStorageConfig;
import io.orderhub.engine.model.BpmnElementType;
import io.orderhub.engine.record.EngineEvent;
import io.orderhub.engine.security.EngineCredentials;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The read model's figures, each against a peer measured in the same run:
 *
 * <ol>
 *   <li>engine throughput (completed one-task instances per second, gRPC with streamed jobs) with
 *       the exporter off and on, alternating off/on/off/on so drift hits both alike;
 *   <li>export lag under that load: from the moment a batch is committed (its {@code BatchListener}
 *       call) to the moment the exporter's transaction holding it committed, i.e. the batch is
 *       searchable; sampled every tenth batch, polled every 0.2 ms;
 *   <li>search latency through the official client over REST on a read model of N generated process
 *       instances (written straight into H2), per query shape.
 * </ol>
 *
 * <p>{@code java -cp bench/target/bench.jar io.orderhub.bench.ReadModelBench [seconds-per-run]
 * [instances]} (defaults 15 and 1000000); 0 seconds runs the search part only.
 */
public final class ReadModelBench {

  private static final int INFLIGHT = 64;

  public static void main(String[] args) throws Exception {
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
    int instances = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
    Path dir = Files.createTempDirectory("orderhub-readmodel-bench");
    StringBuilder report = new StringBuilder("# Read model bench\n\n");
    List<double[]> off = new ArrayList<>();
    List<double[]> on = new ArrayList<>();
    List<Long> lags = new ArrayList<>();
    // 0 seconds per run: the search part only
    for (int round = 0; seconds > 0 && round < 2; round++) {
      off.add(throughput(dir.resolve("off-" + round), false, seconds, null));
      on.add(throughput(dir.resolve("on-" + round), true, seconds, lags));
    }
    if (seconds == 0) {
      report.append(searchLatency(dir.resolve("search"), instances));
      System.out.println(report);
      return;
    }
    double offRate = off.stream().mapToDouble(r -> r[0]).average().orElseThrow();
    double onRate = on.stream().mapToDouble(r -> r[0]).average().orElseThrow();
    report
        .append("## Throughput, 1-task process, gRPC streaming, ")
        .append(INFLIGHT)
        .append(" in flight, ")
        .append(seconds)
        .append(" s per run\n\n| exporter | runs (PI/s) | mean PI/s |\n|---|---|---|\n");
    report.append("| off | ").append(rates(off)).append(" | ").append(fmt(offRate)).append(" |\n");
    report.append("| on | ").append(rates(on)).append(" | ").append(fmt(onRate)).append(" |\n\n");
    report
        .append("on / off = ")
        .append(fmt(onRate / offRate))
        .append(" (drop ")
        .append(fmt(100 * (1 - onRate / offRate)))
        .append(" %)\n\n");
    long[] sorted = lags.stream().mapToLong(Long::longValue).sorted().toArray();
    report
        .append("## Export lag, commit -> searchable (exporter on runs)\n\n")
        .append("samples ")
        .append(sorted.length)
        .append(", p50 ")
        .append(ms(percentile(sorted, 0.50)))
        .append(" ms, p99 ")
        .append(ms(percentile(sorted, 0.99)))
        .append(" ms, max ")
        .append(ms(sorted.length == 0 ? 0 : sorted[sorted.length - 1]))
        .append(" ms\n\n");
    System.out.print(report);
    report.append(searchLatency(dir.resolve("search"), instances));
    System.out.println(report);
    Path results = Path.of("bench", "results");
    Files.createDirectories(results);
    Path file = results.resolve("readmodel-" + java.time.LocalDate.now() + ".md");
    Files.writeString(file, report);
    System.out.println("Written to " + file);
  }

  /** Returns {PI/s}; with lags, also samples the export lag. */
  private static double[] throughput(Path dir, boolean exporter, int seconds, List<Long> lags)
      throws Exception {
    EngineConfig config =
        EngineConfig.defaults(dir)
            .withPorts(0, 0)
            .withSecurity(EngineCredentials.TEST_ADMIN.asAdmin());
    if (!exporter) {
      config = config.withSecondaryStorage(SecondaryStorageConfig.disabled());
    }
    Semaphore slots = new Semaphore(INFLIGHT);
    AtomicLong completed = new AtomicLong();
    Map<Long, Long> committedAt = new ConcurrentHashMap<>();
    ConcurrentLinkedQueue<Long> lagSamples = new ConcurrentLinkedQueue<>();
    try (Engine engine = Engine.start(config)) {
      engine.addListener(
          (position, batch) -> {
            if (lags != null && position % 10 == 0) {
              committedAt.put(position, System.nanoTime());
            }
            for (EngineEvent event : batch.events()) {
              if (event instanceof EngineEvent.ElementActivating e
                  && e.elementType() == BpmnElementType.PROCESS) {
                processKeys.add(e.key());
              }
              if (event instanceof EngineEvent.ElementCompleted e && processKeys.remove(e.key())) {
                completed.incrementAndGet();
                slots.release();
              }
            }
          });
      Thread poller = null;
      if (lags != null) {
        poller =
            Thread.ofPlatform()
                .daemon()
                .start(
                    () -> {
                      while (!Thread.currentThread().isInterrupted()) {
                        long exported = engine.exporter().exportedPosition();
                        long now = System.nanoTime();
                        committedAt
                            .entrySet()
                            .removeIf(
                                e -> {
                                  if (e.getKey() <= exported) {
                                    lagSamples.add(now - e.getValue());
                                    return true;
                                  }
                                  return false;
                                });
                        java.util.concurrent.locks.LockSupport.parkNanos(200_000);
                      }
                    });
      }
      try (CamundaClient client =
              CamundaClient.newClientBuilder()
                  .credentialsProvider(EngineCredentials.TEST_ADMIN.provider())
                  .applyEnvironmentVariableOverrides(false)
                  .grpcAddress(URI.create("http://localhost:" + engine.grpcPort()))
                  .restAddress(URI.create("http://localhost:" + engine.restPort()))
                  .preferRestOverGrpc(false)
                  .build();
          JobWorker worker =
              client
                  .newWorker()
                  .jobType("work")
                  .handler((c, job) -> c.newCompleteCommand(job).send())
                  .maxJobsActive(INFLIGHT * 2)
                  .streamEnabled(true)
                  .open()) {
        client
            .newDeployResourceCommand()
            .addProcessModel(
                Bpmn.createExecutableProcess("one")
                    .startEvent()
                    .serviceTask("t", t -> t.zeebeJobType("work"))
                    .endEvent()
                    .done(),
                "one.bpmn")
            .send()
            .join();
        long warmupEnd = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        long start = 0;
        long startCount = 0;
        long end = warmupEnd + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < end) {
          if (start == 0 && System.nanoTime() >= warmupEnd) {
            start = System.nanoTime();
            startCount = completed.get();
            lagSamples.clear();
          }
          if (!slots.tryAcquire(100, TimeUnit.MILLISECONDS)) {
            continue;
          }
          client
              .newCreateInstanceCommand()
              .bpmnProcessId("one")
              .latestVersion()
              .send()
              .whenComplete(
                  (created, failure) -> {
                    if (failure != null) {
                      slots.release();
                    }
                  });
        }
        double rate = (completed.get() - startCount) / ((System.nanoTime() - start) / 1e9);
        System.out.printf("exporter %s: %.0f PI/s%n", exporter ? "on" : "off", rate);
        if (poller != null) {
          poller.interrupt();
          lags.addAll(lagSamples);
        }
        processKeys.clear();
        return new double[] {rate};
      }
    }
  }

  /** Instance keys created and not yet completed (completion may be seen before the reply). */
  private static final java.util.Set<Long> processKeys = ConcurrentHashMap.newKeySet();

  private static String searchLatency(Path dir, int instances) throws Exception {
    SecondaryStorageConfig storageConfig = SecondaryStorageConfig.h2In(dir);
    long generated = System.nanoTime();
    try (SecondaryStorage storage = SecondaryStorage.open(storageConfig)) {
      generate(storage, instances);
    }
    double generateSeconds = (System.nanoTime() - generated) / 1e9;
    StringBuilder out = new StringBuilder();
    out.append("## Search latency over ")
        .append(instances)
        .append(" process instances (H2 file, generated in ")
        .append(fmt(generateSeconds))
        .append(" s), official client over REST, 200 requests each after 20 warm-up\n\n")
        .append("| query | p50 ms | p99 ms | totalItems |\n|---|---|---|---|\n");
    try (Engine engine =
            Engine.start(
                EngineConfig.defaults(dir)
                    .withPorts(-1, 0)
                    .withSecurity(EngineCredentials.TEST_ADMIN.asAdmin()));
        CamundaClient client =
            CamundaClient.newClientBuilder()
                .credentialsProvider(EngineCredentials.TEST_ADMIN.provider())
                .applyEnvironmentVariableOverrides(false)
                .restAddress(URI.create("http://localhost:" + engine.restPort()))
                .preferRestOverGrpc(true)
                .defaultRequestTimeout(Duration.ofSeconds(60))
                .build()) {
      out.append(
          measure(
              "by key (get)",
              i ->
                  client
                      .newProcessInstanceGetRequest(1_000_000L + (i * 7919L) % instances)
                      .send()
                      .join(),
              null));
      out.append(
          measure(
              "businessId = x",
              i ->
                  client
                      .newProcessInstanceSearchRequest()
                      .filter(f -> f.businessId("order-" + (i * 7919L) % instances))
                      .send()
                      .join(),
              () ->
                  client
                      .newProcessInstanceSearchRequest()
                      .filter(f -> f.businessId("order-5"))
                      .send()
                      .join()
                      .page()));
      out.append(
          measure(
              "process id + ACTIVE, newest first, 50",
              i ->
                  client
                      .newProcessInstanceSearchRequest()
                      .filter(
                          f ->
                              f.processDefinitionId("process-" + i % 10)
                                  .state(ProcessInstanceState.ACTIVE))
                      .sort(s -> s.startDate().desc())
                      .page(p -> p.limit(50))
                      .send()
                      .join(),
              () ->
                  client
                      .newProcessInstanceSearchRequest()
                      .filter(
                          f ->
                              f.processDefinitionId("process-1").state(ProcessInstanceState.ACTIVE))
                      .send()
                      .join()
                      .page()));
      out.append(
          measure(
              "hasIncident = true, 50",
              i ->
                  client
                      .newProcessInstanceSearchRequest()
                      .filter(f -> f.hasIncident(true))
                      .page(p -> p.limit(50))
                      .send()
                      .join(),
              () ->
                  client
                      .newProcessInstanceSearchRequest()
                      .filter(f -> f.hasIncident(true))
                      .send()
                      .join()
                      .page()));
      out.append(
          measure(
              "startDate range (1 h), 50",
              i ->
                  client
                      .newProcessInstanceSearchRequest()
                      .filter(
                          f ->
                              f.startDate(
                                  d ->
                                      d.gte(
                                              java.time.OffsetDateTime.parse("2026-01-01T00:00:00Z")
                                                  .plusHours(i % 200))
                                          .lt(
                                              java.time.OffsetDateTime.parse("2026-01-01T01:00:00Z")
                                                  .plusHours(i % 200))))
                      .page(p -> p.limit(50))
                      .send()
                      .join(),
              null));
      out.append(countPeer(engine.secondaryStorage()));
    }
    return out.toString();
  }

  /**
   * The count each search pays, as the engine runs it now (capped at 10 001 rows, has_incident
   * column) against what it ran before (exact COUNT(*), the hasIncident EXISTS), on the same rows
   * in the same run. Each request binds a different never-matching key, so H2 cannot answer from
   * the previous identical query's cached result.
   */
  private static String countPeer(SecondaryStorage storage) throws Exception {
    String vary = " AND t.process_instance_key <> ?";
    String active =
        " FROM process_instance t WHERE t.process_definition_id = 'process-1'"
            + " AND t.state = 'ACTIVE'"
            + vary;
    String flagged = " FROM process_instance t WHERE t.has_incident = TRUE" + vary;
    String exists =
        " FROM process_instance t WHERE (EXISTS (SELECT 1 FROM incident i WHERE"
            + " i.process_instance_key = t.process_instance_key AND i.state = 'ACTIVE') OR EXISTS"
            + " (SELECT 1 FROM incident i WHERE i.root_process_instance_key ="
            + " t.process_instance_key AND i.state = 'ACTIVE'))"
            + vary;
    StringBuilder out =
        new StringBuilder(
            "\n### COUNT per request: now (capped at 10 001 rows) vs before (exact), JDBC, 20"
                + " warm-up + 50\n\n"
                + "| filter | now p50 ms | before p50 ms | before / now | matches |\n"
                + "|---|---|---|---|---|\n");
    String[][] shapes = {
      {"process id + ACTIVE", active, active},
      {"hasIncident = true (before: EXISTS)", flagged, exists}
    };
    for (String[] shape : shapes) {
      long now = countP50(storage, capped(shape[1]));
      long before = countP50(storage, "SELECT COUNT(*)" + shape[2]);
      long rows = count(storage, "SELECT COUNT(*)" + shape[2], -1);
      String line =
          "| "
              + shape[0]
              + " | "
              + ms(now)
              + " | "
              + ms(before)
              + " | "
              + fmt((double) before / Math.max(1, now))
              + " | "
              + rows
              + " |\n";
      System.out.print(line);
      out.append(line);
    }
    return out.toString();
  }

  private static String capped(String from) {
    return "SELECT COUNT(*) FROM (SELECT 1 AS one" + from + " FETCH FIRST 10001 ROWS ONLY) capped";
  }

  private static long countP50(SecondaryStorage storage, String sql) throws Exception {
    long[] samples = new long[50];
    for (int i = -20; i < samples.length; i++) {
      long t0 = System.nanoTime();
      count(storage, sql, -100 - i);
      if (i >= 0) {
        samples[i] = System.nanoTime() - t0;
      }
    }
    Arrays.sort(samples);
    return percentile(samples, 0.5);
  }

  private static long count(SecondaryStorage storage, String sql, long notKey) throws Exception {
    try (Connection connection = storage.dataSource().getConnection();
        PreparedStatement query = connection.prepareStatement(sql)) {
      query.setLong(1, notKey);
      try (java.sql.ResultSet rs = query.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static String measure(
      String name,
      Consumer<Integer> query,
      java.util.function.Supplier<io.camunda.client.api.search.response.SearchResponsePage> total) {
    for (int i = 0; i < 20; i++) {
      query.accept(i);
    }
    long[] samples = new long[200];
    for (int i = 0; i < samples.length; i++) {
      long t0 = System.nanoTime();
      query.accept(1000 + i);
      samples[i] = System.nanoTime() - t0;
    }
    Arrays.sort(samples);
    String line =
        "| "
            + name
            + " | "
            + ms(percentile(samples, 0.5))
            + " | "
            + ms(percentile(samples, 0.99))
            + " | "
            + (total == null ? "-" : totalItems(total.get()))
            + " |\n";
    System.out.print(line);
    return line;
  }

  /** "10000+" when the engine stopped counting (hasMoreTotalItems). */
  private static String totalItems(io.camunda.client.api.search.response.SearchResponsePage page) {
    return page.totalItems() + (Boolean.TRUE.equals(page.hasMoreTotalItems()) ? "+" : "");
  }

  /**
   * N instances over 10 process ids, one per 6 s from 2026-01-01; every other one completed; one in
   * a hundred with an open incident.
   */
  private static void generate(SecondaryStorage storage, int instances) throws Exception {
    long start = java.time.Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();
    try (Connection connection = storage.dataSource().getConnection()) {
      connection.setAutoCommit(false);
      try (PreparedStatement definition =
              connection.prepareStatement(
                  "INSERT INTO process_definition (process_definition_key, process_definition_id,"
                      + " name, version, tenant_id, deployment_key, deployed_at) VALUES"
                      + " (?,?,?,1,'<default>',?,?)");
          PreparedStatement instance =
              connection.prepareStatement(
                  "INSERT INTO process_instance (process_instance_key, process_definition_key,"
                      + " process_definition_id, process_definition_name,"
                      + " process_definition_version, state, start_date, end_date, tenant_id,"
                      + " root_process_instance_key, business_id, has_incident) VALUES"
                      + " (?,?,?,?,1,?,?,?,'<default>',?,?,?)");
          PreparedStatement incident =
              connection.prepareStatement(
                  "INSERT INTO incident (incident_key, process_definition_key,"
                      + " process_definition_id, process_instance_key, root_process_instance_key,"
                      + " element_instance_key, element_id, error_type, error_message, state,"
                      + " creation_time, tenant_id) VALUES (?,?,?,?,?,?,'task','JOB_NO_RETRIES',"
                      + " 'boom','ACTIVE',?,'<default>')")) {
        for (int d = 0; d < 10; d++) {
          definition.setLong(1, 100 + d);
          definition.setString(2, "process-" + d);
          definition.setString(3, "Process " + d);
          definition.setLong(4, 100 + d);
          definition.setLong(5, start);
          definition.executeUpdate();
        }
        for (int i = 0; i < instances; i++) {
          long key = 1_000_000L + i;
          long started = start + i * 6_000L;
          boolean done = i % 2 == 0;
          instance.setLong(1, key);
          instance.setLong(2, 100 + i % 10);
          instance.setString(3, "process-" + i % 10);
          instance.setString(4, "Process " + i % 10);
          instance.setString(5, done ? "COMPLETED" : "ACTIVE");
          instance.setLong(6, started);
          if (done) {
            instance.setLong(7, started + 60_000);
          } else {
            instance.setNull(7, java.sql.Types.BIGINT);
          }
          instance.setLong(8, key);
          instance.setString(9, "order-" + i);
          // the flag the exporter keeps for an open incident (the incident row follows)
          instance.setBoolean(10, !done && i % 100 == 1);
          instance.addBatch();
          if (!done && i % 100 == 1) {
            incident.setLong(1, 100_000_000L + i);
            incident.setLong(2, 100 + i % 10);
            incident.setString(3, "process-" + i % 10);
            incident.setLong(4, key);
            incident.setLong(5, key);
            incident.setLong(6, 200_000_000L + i);
            incident.setLong(7, started);
            incident.addBatch();
          }
          if (i % 10_000 == 9_999) {
            instance.executeBatch();
            incident.executeBatch();
            connection.commit();
          }
        }
        instance.executeBatch();
        incident.executeBatch();
        connection.commit();
      }
    }
  }

  private static String rates(List<double[]> runs) {
    return String.join(", ", runs.stream().map(r -> fmt(r[0])).toList());
  }

  private static long percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return 0;
    }
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
  }

  private static String ms(long nanos) {
    return String.format("%.2f", nanos / 1e6);
  }

  private static String fmt(double value) {
    return String.format("%.1f", value);
  }

  private ReadModelBench() {}
}
