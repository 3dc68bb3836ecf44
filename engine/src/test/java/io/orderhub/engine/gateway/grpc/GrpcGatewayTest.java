package io.orderhub.engine.gateway.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientStatusException;
import io.camunda.client.api.response.ActivateJobsResponse;
import io.camunda.client.api.response.BrokerInfo;
import io.camunda.client.api.response.DeploymentEvent;
import io.camunda.client.api.response.PartitionBrokerHealth;
import io.camunda.client.api.response.PartitionInfo;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.camunda.client.api.response.ProcessInstanceResult;
import io.camunda.client.api.response.PublishMessageResponse;
import io.camunda.client.api.response.StreamJobsResponse;
import io.camunda.client.api.response.Topology;
import io.camunda.client.api.worker.JobClient;
import io.camunda.zeebe.gateway.protocol.GatewayGrpc;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ActivateJobsRequest;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import io.orderhub.engine.api.ActivateJobsCommand;
import io.orderhub.engine.api.ActivatedJob;
import io.orderhub.engine.api.CreateProcessInstanceCommand;
import io.orderhub.engine.api.DeployCommand;
import io.orderhub.engine.api.DeploymentResult;
import io.orderhub.engine.api.EngineRejection;
import io.orderhub.engine.api.EngineRejection.RejectionType;
import io.orderhub.engine.api.JobStreamConsumer;
import io.orderhub.engine.api.JobStreamRequest;
import io.orderhub.engine.api.MessagePublished;
import io.orderhub.engine.api.ProcessInstanceCreated;
import io.orderhub.engine.api.PublishMessageCommand;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Drives the gateway with the official Camunda Java client over a recording engine double. */
@Timeout(30)
class GrpcGatewayTest {

  private static final String DEFAULT_TENANT = "<default>";

  private final RecordingEngine engine = new RecordingEngine();
  private GrpcGateway gateway;
  private CamundaClient client;

  @BeforeEach
  void start() throws Exception {
    gateway = new GrpcGateway(engine, 0).start();
    // http:// selects plaintext; the REST address points nowhere so a stray REST call fails loudly
    client =
        CamundaClient.newClientBuilder()
            .grpcAddress(URI.create("http://localhost:" + gateway.port()))
            .restAddress(URI.create("http://localhost:1"))
            .preferRestOverGrpc(false)
            .defaultRequestTimeout(Duration.ofSeconds(10))
            .build();
  }

  @AfterEach
  void stop() {
    client.close();
    gateway.close();
  }

  @Test
  void shouldReportSingleBrokerTopology() {
    final Topology topology = client.newTopologyRequest().send().join();

    assertThat(topology.getClusterSize()).isEqualTo(1);
    assertThat(topology.getPartitionsCount()).isEqualTo(1);
    assertThat(topology.getReplicationFactor()).isEqualTo(1);
    assertThat(topology.getGatewayVersion()).isEqualTo("0.1.0-test");
    final BrokerInfo broker = topology.getBrokers().getFirst();
    assertThat(broker.getNodeId()).isZero();
    assertThat(broker.getHost()).isEqualTo("engine-host");
    assertThat(broker.getPort()).isEqualTo(26500);
    assertThat(broker.getVersion()).isEqualTo("0.1.0-test");
    final PartitionInfo partition = broker.getPartitions().getFirst();
    assertThat(partition.getPartitionId()).isEqualTo(1);
    assertThat(partition.isLeader()).isTrue();
    assertThat(partition.getHealth()).isEqualTo(PartitionBrokerHealth.HEALTHY);
  }

  @Test
  void shouldDeployResourceAndMapDeployedProcesses() {
    engine.deployment =
        new DeploymentResult(
            11L,
            DEFAULT_TENANT,
            List.of(
                new DeploymentResult.DeployedProcess(
                    "order", 3, 22L, "order.bpmn", DEFAULT_TENANT)));

    final DeploymentEvent event =
        client
            .newDeployResourceCommand()
            .addResourceStringUtf8("<definitions/>", "order.bpmn")
            .send()
            .join();

    final DeployCommand command = engine.lastCommand("deploy");
    assertThat(command.tenantId()).isEqualTo(DEFAULT_TENANT);
    assertThat(command.resources())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.name()).isEqualTo("order.bpmn");
              assertThat(new String(r.content(), StandardCharsets.UTF_8))
                  .isEqualTo("<definitions/>");
            });
    assertThat(event.getKey()).isEqualTo(11L);
    assertThat(event.getTenantId()).isEqualTo(DEFAULT_TENANT);
    assertThat(event.getProcesses())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.getBpmnProcessId()).isEqualTo("order");
              assertThat(p.getVersion()).isEqualTo(3);
              assertThat(p.getProcessDefinitionKey()).isEqualTo(22L);
              assertThat(p.getResourceName()).isEqualTo("order.bpmn");
              assertThat(p.getTenantId()).isEqualTo(DEFAULT_TENANT);
            });
  }

  @Test
  void shouldCreateProcessInstancePassingBusinessIdAndTags() {
    engine.created =
        new ProcessInstanceCreated(
            22L, "order", 3, 33L, DEFAULT_TENANT, Set.of("vip"), "order-4711", null);

    final ProcessInstanceEvent event =
        client
            .newCreateInstanceCommand()
            .bpmnProcessId("order")
            .latestVersion()
            .variables(Map.of("amount", 12))
            .businessId("order-4711")
            .tags("vip")
            .startBeforeElement("review")
            .send()
            .join();

    final CreateProcessInstanceCommand command = engine.lastCommand("createProcessInstance");
    assertThat(command.bpmnProcessId()).isEqualTo("order");
    assertThat(command.version()).isEqualTo(-1);
    assertThat(command.variables()).isEqualTo(Map.of("amount", 12));
    assertThat(command.startElementIds()).containsExactly("review");
    assertThat(command.tenantId()).isEqualTo(DEFAULT_TENANT);
    assertThat(command.businessId()).isEqualTo("order-4711");
    assertThat(command.tags()).containsExactly("vip");
    assertThat(command.awaitCompletion()).isFalse();
    assertThat(event.getProcessInstanceKey()).isEqualTo(33L);
    assertThat(event.getProcessDefinitionKey()).isEqualTo(22L);
    assertThat(event.getBpmnProcessId()).isEqualTo("order");
    assertThat(event.getVersion()).isEqualTo(3);
    assertThat(event.getTags()).containsExactly("vip");
    assertThat(event.getBusinessId()).isEqualTo("order-4711");
  }

  @Test
  void shouldCreateProcessInstanceWithResult() {
    engine.created =
        new ProcessInstanceCreated(
            22L, "order", 3, 33L, DEFAULT_TENANT, Set.of(), null, Map.of("total", 42));

    final ProcessInstanceResult result =
        client
            .newCreateInstanceCommand()
            .processDefinitionKey(22L)
            .withResult()
            .fetchVariables("total")
            .requestTimeout(Duration.ofSeconds(7))
            .send()
            .join();

    final CreateProcessInstanceCommand command = engine.lastCommand("createProcessInstance");
    assertThat(command.processDefinitionKey()).isEqualTo(22L);
    assertThat(command.awaitCompletion()).isTrue();
    assertThat(command.fetchVariables()).containsExactly("total");
    assertThat(command.requestTimeout()).isEqualTo(Duration.ofSeconds(7));
    assertThat(result.getProcessInstanceKey()).isEqualTo(33L);
    assertThat(result.getVariablesAsMap()).isEqualTo(Map.of("total", 42));
  }

  @Test
  void shouldCancelProcessInstance() {
    client.newCancelInstanceCommand(33L).send().join();

    assertThat(engine.last("cancelProcessInstance")).containsExactly(33L);
  }

  @Test
  void shouldActivateJobsMappingFieldsBothWays() {
    engine.jobs = List.of(job(44L));

    final ActivateJobsResponse response =
        client
            .newActivateJobsCommand()
            .jobType("ship")
            .maxJobsToActivate(5)
            .timeout(Duration.ofMinutes(2))
            .workerName("shipper")
            .fetchVariables("address")
            .requestTimeout(Duration.ofSeconds(3))
            .send()
            .join();

    final ActivateJobsCommand command = engine.lastCommand("activateJobs");
    assertThat(command.type()).isEqualTo("ship");
    assertThat(command.worker()).isEqualTo("shipper");
    assertThat(command.timeout()).isEqualTo(Duration.ofMinutes(2));
    assertThat(command.maxJobs()).isEqualTo(5);
    assertThat(command.fetchVariables()).containsExactly("address");
    assertThat(command.tenantIds()).containsExactly(DEFAULT_TENANT);
    assertThat(command.requestTimeout()).isEqualTo(Duration.ofSeconds(3));
    assertThat(response.getJobs()).singleElement().satisfies(GrpcGatewayTest::assertJob44);
  }

  @Test
  void shouldAnswerActivateJobsWithoutJobs() {
    final ActivateJobsResponse response =
        client.newActivateJobsCommand().jobType("ship").maxJobsToActivate(5).send().join();

    assertThat(response.getJobs()).isEmpty();
  }

  @Test
  void shouldLongPollByDefaultAndNotAtAllWhenRequestTimeoutIsNegative() throws Exception {
    // the client always sends a timeout of its own, so speak raw proto to reach 0 and -1
    final ManagedChannel channel =
        ManagedChannelBuilder.forAddress("localhost", gateway.port()).usePlaintext().build();
    try {
      final GatewayGrpc.GatewayBlockingStub stub = GatewayGrpc.newBlockingStub(channel);
      final ActivateJobsRequest.Builder request =
          ActivateJobsRequest.newBuilder().setType("ship").setMaxJobsToActivate(1);

      assertThat(stub.activateJobs(request.setRequestTimeout(0).build())).isExhausted();
      assertThat(engine.<ActivateJobsCommand>lastCommand("activateJobs").requestTimeout())
          .isEqualTo(Duration.ofSeconds(10));

      assertThat(stub.activateJobs(request.setRequestTimeout(-1).build())).isExhausted();
      assertThat(engine.<ActivateJobsCommand>lastCommand("activateJobs").requestTimeout())
          .isEqualTo(Duration.ZERO);
    } finally {
      channel.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void shouldPushJobsToStreamAndCloseItWhenClientLeaves() throws Exception {
    final CountDownLatch received = new CountDownLatch(1);
    final CompletableFuture<io.camunda.client.api.response.ActivatedJob> pushed =
        new CompletableFuture<>();
    final Consumer<io.camunda.client.api.response.ActivatedJob> worker =
        job -> {
          pushed.complete(job);
          received.countDown();
        };
    final Future<StreamJobsResponse> stream =
        client
            .newStreamJobsCommand()
            .jobType("ship")
            .consumer(worker)
            .workerName("shipper")
            .timeout(Duration.ofMinutes(2))
            .fetchVariables("address")
            .send();

    final JobStreamConsumer consumer = engine.streamOpened.get(10, TimeUnit.SECONDS);
    final JobStreamRequest request = engine.lastCommand("openJobStream");
    assertThat(request.type()).isEqualTo("ship");
    assertThat(request.worker()).isEqualTo("shipper");
    assertThat(request.timeout()).isEqualTo(Duration.ofMinutes(2));
    assertThat(request.fetchVariables()).containsExactly("address");
    assertThat(request.tenantIds()).containsExactly(DEFAULT_TENANT);

    assertThat(consumer.push(job(44L))).isTrue();
    assertThat(received.await(10, TimeUnit.SECONDS)).isTrue();
    assertJob44(pushed.join());

    stream.cancel(true);
    assertThat(engine.streamClosed.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(consumer.push(job(45L))).as("a closed stream refuses jobs").isFalse();
  }

  @Test
  void shouldCompleteFailThrowErrorAndUpdateJobs() {
    final JobClient jobs = client;

    jobs.newCompleteCommand(44L).variables(Map.of("done", true)).send().join();
    jobs.newFailCommand(44L)
        .retries(2)
        .errorMessage("printer on fire")
        .retryBackoff(Duration.ofSeconds(5))
        .variables(Map.of("attempt", 1))
        .send()
        .join();
    jobs.newThrowErrorCommand(44L)
        .errorCode("OUT_OF_STOCK")
        .errorMessage("none left")
        .variables(Map.of("sku", "A-1"))
        .send()
        .join();
    client.newUpdateRetriesCommand(44L).retries(4).send().join();
    client.newUpdateTimeoutCommand(44L).timeout(Duration.ofSeconds(90)).send().join();

    assertThat(engine.last("completeJob")).containsExactly(44L, Map.of("done", true));
    assertThat(engine.last("failJob"))
        .containsExactly(44L, 2, "printer on fire", Duration.ofSeconds(5), Map.of("attempt", 1));
    assertThat(engine.last("throwError"))
        .containsExactly(44L, "OUT_OF_STOCK", "none left", Map.of("sku", "A-1"));
    assertThat(engine.last("updateJobRetries")).containsExactly(44L, 4);
    assertThat(engine.last("updateJobTimeout")).containsExactly(44L, Duration.ofSeconds(90));
  }

  @Test
  void shouldPublishMessage() {
    engine.published = new MessagePublished(55L, DEFAULT_TENANT);

    final PublishMessageResponse response =
        client
            .newPublishMessageCommand()
            .messageName("paid")
            .correlationKey("order-4711")
            .messageId("payment-1")
            .timeToLive(Duration.ofMinutes(1))
            .variables(Map.of("amount", 12.5))
            .send()
            .join();

    final PublishMessageCommand command = engine.lastCommand("publishMessage");
    assertThat(command)
        .isEqualTo(
            new PublishMessageCommand(
                "paid",
                "order-4711",
                Duration.ofMinutes(1),
                "payment-1",
                Map.of("amount", 12.5),
                DEFAULT_TENANT));
    assertThat(response.getMessageKey()).isEqualTo(55L);
    assertThat(response.getTenantId()).isEqualTo(DEFAULT_TENANT);
  }

  @Test
  void shouldResolveIncident() {
    client.newResolveIncidentCommand(66L).send().join();

    assertThat(engine.last("resolveIncident")).containsExactly(66L);
  }

  @Test
  void shouldSetVariables() {
    engine.variablesKey = 77L;

    final long key =
        client
            .newSetVariablesCommand(88L)
            .variables(Map.of("status", "packed"))
            .local(true)
            .send()
            .join()
            .getKey();

    assertThat(engine.last("setVariables")).containsExactly(88L, Map.of("status", "packed"), true);
    assertThat(key).isEqualTo(77L);
  }

  @Test
  void shouldBroadcastSignal() {
    engine.signalKey = 99L;

    final var response =
        client
            .newBroadcastSignalCommand()
            .signalName("shutdown")
            .variables(Map.of("reason", "maintenance"))
            .send()
            .join();

    assertThat(engine.last("broadcastSignal"))
        .containsExactly("shutdown", Map.of("reason", "maintenance"), DEFAULT_TENANT);
    assertThat(response.getKey()).isEqualTo(99L);
    assertThat(response.getTenantId()).isEqualTo(DEFAULT_TENANT);
  }

  @Test
  void shouldMapRejectionsToStatusKeepingTheMessage() {
    final Map<RejectionType, Status.Code> expected =
        Map.of(
            RejectionType.INVALID_ARGUMENT, Status.Code.INVALID_ARGUMENT,
            RejectionType.NOT_FOUND, Status.Code.NOT_FOUND,
            RejectionType.ALREADY_EXISTS, Status.Code.ALREADY_EXISTS,
            RejectionType.INVALID_STATE, Status.Code.FAILED_PRECONDITION,
            RejectionType.RESOURCE_EXHAUSTED, Status.Code.RESOURCE_EXHAUSTED,
            RejectionType.UNIMPLEMENTED, Status.Code.UNIMPLEMENTED,
            RejectionType.UNAVAILABLE, Status.Code.UNAVAILABLE);
    assertThat(expected).hasSameSizeAs(RejectionType.values());

    expected.forEach(
        (type, code) -> {
          engine.failure = new EngineRejection(type, "job 44 says " + type);

          assertThatThrownBy(() -> client.newCompleteCommand(44L).send().join())
              .isInstanceOfSatisfying(
                  ClientStatusException.class,
                  e -> {
                    assertThat(e.getStatusCode()).isEqualTo(code);
                    assertThat(e.getStatus().getDescription()).isEqualTo("job 44 says " + type);
                  });
        });
  }

  @Test
  void shouldMapUnexpectedFailureToInternal() {
    engine.failure = new IllegalStateException("disk on fire");

    assertThatThrownBy(() -> client.newResolveIncidentCommand(66L).send().join())
        .isInstanceOfSatisfying(
            ClientStatusException.class,
            e -> {
              assertThat(e.getStatusCode()).isEqualTo(Status.Code.INTERNAL);
              assertThat(e.getStatus().getDescription()).isEqualTo("disk on fire");
            });
  }

  @Test
  void shouldMapEngineTimeoutToDeadlineExceeded() {
    engine.failure = new CompletionException(new TimeoutException("instance 33 still running"));

    assertThatThrownBy(
            () ->
                client
                    .newCreateInstanceCommand()
                    .bpmnProcessId("order")
                    .latestVersion()
                    .withResult()
                    .send()
                    .join())
        .isInstanceOfSatisfying(
            ClientStatusException.class,
            e -> assertThat(e.getStatusCode()).isEqualTo(Status.Code.DEADLINE_EXCEEDED));
  }

  @Test
  void shouldRejectVariablesThatAreNotAJsonObject() {
    assertThatThrownBy(() -> client.newCompleteCommand(44L).variables("[1, 2]").send().join())
        .isInstanceOfSatisfying(
            ClientStatusException.class,
            e -> {
              assertThat(e.getStatusCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
              assertThat(e.getStatus().getDescription()).contains("'variables'", "JSON object");
            });
    assertThat(engine.received).doesNotContainKey("completeJob");
  }

  @Test
  void shouldAnswerUnimplementedRpcsNamingThem() {
    assertThatThrownBy(() -> client.newDeleteResourceCommand(1L).send().join())
        .isInstanceOfSatisfying(
            ClientStatusException.class,
            e -> {
              assertThat(e.getStatusCode()).isEqualTo(Status.Code.UNIMPLEMENTED);
              assertThat(e.getStatus().getDescription())
                  .isEqualTo("Order Hub engine does not implement DeleteResource yet");
            });
  }

  private static ActivatedJob job(long key) {
    return new ActivatedJob(
        key,
        "ship",
        33L,
        "order",
        3,
        22L,
        "ship-task",
        34L,
        Map.of("carrier", "dhl"),
        "shipper",
        3,
        1_700_000_000_000L,
        Map.of("address", "Main St 1"),
        DEFAULT_TENANT,
        Set.of("vip"));
  }

  private static void assertJob44(io.camunda.client.api.response.ActivatedJob job) {
    assertThat(job.getKey()).isEqualTo(44L);
    assertThat(job.getType()).isEqualTo("ship");
    assertThat(job.getProcessInstanceKey()).isEqualTo(33L);
    assertThat(job.getBpmnProcessId()).isEqualTo("order");
    assertThat(job.getProcessDefinitionVersion()).isEqualTo(3);
    assertThat(job.getProcessDefinitionKey()).isEqualTo(22L);
    assertThat(job.getElementId()).isEqualTo("ship-task");
    assertThat(job.getElementInstanceKey()).isEqualTo(34L);
    assertThat(job.getCustomHeaders()).isEqualTo(Map.of("carrier", "dhl"));
    assertThat(job.getWorker()).isEqualTo("shipper");
    assertThat(job.getRetries()).isEqualTo(3);
    assertThat(job.getDeadline()).isEqualTo(1_700_000_000_000L);
    assertThat(job.getVariablesAsMap()).isEqualTo(Map.of("address", "Main St 1"));
    assertThat(job.getTenantId()).isEqualTo(DEFAULT_TENANT);
    assertThat(job.getTags()).containsExactly("vip");
  }
}
