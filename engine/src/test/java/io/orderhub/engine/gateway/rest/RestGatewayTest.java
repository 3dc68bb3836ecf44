package io.orderhub.engine.gateway.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientException;
import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.ActivateJobsResponse;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.response.BroadcastSignalResponse;
import io.camunda.client.api.response.BrokerInfo;
import io.camunda.client.api.response.DeploymentEvent;
import io.camunda.client.api.response.PartitionBrokerHealth;
import io.camunda.client.api.response.PartitionBrokerRole;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.camunda.client.api.response.ProcessInstanceResult;
import io.camunda.client.api.response.PublishMessageResponse;
import io.camunda.client.api.response.Topology;
import io.camunda.client.api.worker.JobWorker;
import io.orderhub.engine.api.ActivateJobsCommand;
import io.orderhub.engine.api.CreateProcessInstanceCommand;
import io.orderhub.engine.api.DeployCommand;
import io.orderhub.engine.api.DeploymentResult;
import io.orderhub.engine.api.EngineRejection;
import io.orderhub.engine.api.EngineRejection.RejectionType;
import io.orderhub.engine.api.MessagePublished;
import io.orderhub.engine.api.ProcessInstanceCreated;
import io.orderhub.engine.api.PublishMessageCommand;
import io.orderhub.engine.gateway.rest.RecordingEngine.BroadcastSignal;
import io.orderhub.engine.gateway.rest.RecordingEngine.CancelInstance;
import io.orderhub.engine.gateway.rest.RecordingEngine.CompleteJob;
import io.orderhub.engine.gateway.rest.RecordingEngine.FailJob;
import io.orderhub.engine.gateway.rest.RecordingEngine.ResolveIncident;
import io.orderhub.engine.gateway.rest.RecordingEngine.SetVariables;
import io.orderhub.engine.gateway.rest.RecordingEngine.ThrowError;
import io.orderhub.engine.gateway.rest.RecordingEngine.UpdateRetries;
import io.orderhub.engine.gateway.rest.RecordingEngine.UpdateTimeout;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Drives the gateway with the official 8.9 Java client in its default, REST-preferring mode. */
@Timeout(60)
class RestGatewayTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final RecordingEngine engine = new RecordingEngine();
  private RestGateway gateway;
  private CamundaClient client;
  private HttpClient http;

  @BeforeEach
  void start() throws Exception {
    gateway = new RestGateway(engine, 0).start();
    client =
        CamundaClient.newClientBuilder()
            .restAddress(URI.create("http://localhost:" + gateway.port()))
            // nothing listens there: any gRPC use would fail, proving REST carried the call
            .grpcAddress(URI.create("http://localhost:1"))
            .preferRestOverGrpc(true)
            // keep a developer's CAMUNDA_* environment out of the test
            .applyEnvironmentVariableOverrides(false)
            .build();
    http = HttpClient.newHttpClient();
  }

  @AfterEach
  void stop() {
    client.close();
    gateway.close();
    http.close();
  }

  @Test
  void shouldReportTopology() {
    Topology topology = client.newTopologyRequest().send().join();

    assertThat(topology.getClusterSize()).isEqualTo(1);
    assertThat(topology.getPartitionsCount()).isEqualTo(1);
    assertThat(topology.getReplicationFactor()).isEqualTo(1);
    assertThat(topology.getGatewayVersion()).isEqualTo("0.1.0");
    BrokerInfo broker = topology.getBrokers().getFirst();
    assertThat(broker.getNodeId()).isZero();
    assertThat(broker.getHost()).isEqualTo("orderhub");
    assertThat(broker.getPort()).isEqualTo(26500);
    assertThat(broker.getVersion()).isEqualTo("0.1.0");
    assertThat(broker.getPartitions())
        .singleElement()
        .satisfies(
            partition -> {
              assertThat(partition.getPartitionId()).isEqualTo(1);
              assertThat(partition.getRole()).isEqualTo(PartitionBrokerRole.LEADER);
              assertThat(partition.getHealth()).isEqualTo(PartitionBrokerHealth.HEALTHY);
            });
  }

  @Test
  void shouldAnswerStatusWithNoContent() throws Exception {
    client.newStatusRequest().send().join();

    HttpResponse<String> response = get("/v2/status");
    assertThat(response.statusCode()).isEqualTo(204);
  }

  @Test
  void shouldDeployResourcesAndMapMetadataBack() throws Exception {
    engine.deploymentResult =
        new DeploymentResult(
            2251799813685249L,
            "tenant-a",
            List.of(
                new DeploymentResult.DeployedProcess(
                    "order", 3, 2251799813685250L, "order.bpmn", "tenant-a"),
                new DeploymentResult.DeployedProcess(
                    "bestellung", 1, 2251799813685251L, "bestellung-ä.bpmn", "tenant-a")));

    DeploymentEvent event =
        client
            .newDeployResourceCommand()
            .addResourceStringUtf8("<definitions id=\"order\"/>", "order.bpmn")
            .addResourceBytes(new byte[] {0, '\r', '\n', '-', '-', 1}, "bestellung-ä.bpmn")
            .tenantId("tenant-a")
            .send()
            .join();

    DeployCommand command = engine.nextCall(DeployCommand.class);
    assertThat(command.tenantId()).isEqualTo("tenant-a");
    assertThat(command.resources())
        .extracting(DeployCommand.Resource::name)
        .containsExactly("order.bpmn", "bestellung-ä.bpmn");
    assertThat(new String(command.resources().get(0).content(), StandardCharsets.UTF_8))
        .isEqualTo("<definitions id=\"order\"/>");
    assertThat(command.resources().get(1).content()).containsExactly(0, '\r', '\n', '-', '-', 1);

    assertThat(event.getKey()).isEqualTo(2251799813685249L);
    assertThat(event.getTenantId()).isEqualTo("tenant-a");
    assertThat(event.getProcesses()).hasSize(2);
    assertThat(event.getProcesses().get(0).getBpmnProcessId()).isEqualTo("order");
    assertThat(event.getProcesses().get(0).getVersion()).isEqualTo(3);
    assertThat(event.getProcesses().get(0).getProcessDefinitionKey()).isEqualTo(2251799813685250L);
    assertThat(event.getProcesses().get(0).getResourceName()).isEqualTo("order.bpmn");
    assertThat(event.getProcesses().get(0).getTenantId()).isEqualTo("tenant-a");
    assertThat(event.getProcesses().get(1).getResourceName()).isEqualTo("bestellung-ä.bpmn");
  }

  @Test
  void shouldDeployToDefaultTenantWhenNoneGiven() throws Exception {
    client.newDeployResourceCommand().addResourceStringUtf8("<x/>", "a.bpmn").send().join();

    assertThat(engine.nextCall(DeployCommand.class).tenantId()).isEqualTo("<default>");
  }

  @Test
  void shouldCreateProcessInstanceById() throws Exception {
    engine.created =
        new ProcessInstanceCreated(11L, "order", 4, 12L, "<default>", Set.of(), null, null);

    ProcessInstanceEvent event =
        client
            .newCreateInstanceCommand()
            .bpmnProcessId("order")
            .latestVersion()
            .variables(Map.of("amount", 42, "customer", Map.of("id", "c-1")))
            .startBeforeElement("review")
            .send()
            .join();

    CreateProcessInstanceCommand command = engine.nextCall(CreateProcessInstanceCommand.class);
    assertThat(command.bpmnProcessId()).isEqualTo("order");
    assertThat(command.version()).isEqualTo(-1);
    assertThat(command.processDefinitionKey()).isNotPositive();
    assertThat(command.variables())
        .containsEntry("amount", 42)
        .containsEntry("customer", Map.of("id", "c-1"));
    assertThat(command.startElementIds()).containsExactly("review");
    assertThat(command.tenantId()).isEqualTo("<default>");
    assertThat(command.awaitCompletion()).isFalse();
    assertThat(command.businessId()).isNull();
    assertThat(command.tags()).isEmpty();

    assertThat(event.getProcessInstanceKey()).isEqualTo(12L);
    assertThat(event.getProcessDefinitionKey()).isEqualTo(11L);
    assertThat(event.getBpmnProcessId()).isEqualTo("order");
    assertThat(event.getVersion()).isEqualTo(4);
    assertThat(event.getTenantId()).isEqualTo("<default>");
  }

  @Test
  void shouldCreateProcessInstanceByKeyAndVersion() throws Exception {
    engine.created =
        new ProcessInstanceCreated(2251799813685250L, "order", 3, 13L, "t", Set.of(), null, null);

    client.newCreateInstanceCommand().processDefinitionKey(2251799813685250L).send().join();
    client.newCreateInstanceCommand().bpmnProcessId("order").version(3).tenantId("t").send().join();

    CreateProcessInstanceCommand byKey = engine.nextCall(CreateProcessInstanceCommand.class);
    assertThat(byKey.processDefinitionKey()).isEqualTo(2251799813685250L);
    CreateProcessInstanceCommand byVersion = engine.nextCall(CreateProcessInstanceCommand.class);
    assertThat(byVersion.bpmnProcessId()).isEqualTo("order");
    assertThat(byVersion.version()).isEqualTo(3);
    assertThat(byVersion.tenantId()).isEqualTo("t");
  }

  @Test
  void shouldCreateProcessInstanceAwaitingCompletionWithVariables() throws Exception {
    engine.created =
        new ProcessInstanceCreated(
            11L, "order", 1, 12L, "<default>", Set.of(), null, Map.of("total", 99.5));

    ProcessInstanceResult result =
        client
            .newCreateInstanceCommand()
            .bpmnProcessId("order")
            .latestVersion()
            .withResult()
            .fetchVariables("total")
            .requestTimeout(Duration.ofSeconds(7))
            .send()
            .join();

    CreateProcessInstanceCommand command = engine.nextCall(CreateProcessInstanceCommand.class);
    assertThat(command.awaitCompletion()).isTrue();
    assertThat(command.fetchVariables()).containsExactly("total");
    assertThat(command.requestTimeout()).isEqualTo(Duration.ofSeconds(7));
    assertThat(result.getProcessInstanceKey()).isEqualTo(12L);
    assertThat(result.getVariablesAsMap()).containsExactly(Map.entry("total", 99.5));
  }

  @Test
  void shouldBoundAwaitedCreationWhenClientSendsNoTimeout() throws Exception {
    engine.created =
        new ProcessInstanceCreated(11L, "order", 1, 12L, "<default>", Set.of(), null, Map.of());

    client
        .newCreateInstanceCommand()
        .bpmnProcessId("order")
        .latestVersion()
        .withResult()
        .send()
        .join();

    // the client sends its default request timeout; absent or 0 would also yield a finite limit
    assertThat(engine.nextCall(CreateProcessInstanceCommand.class).requestTimeout()).isPositive();
  }

  @Test
  void shouldPassBusinessIdAndTags() throws Exception {
    engine.created =
        new ProcessInstanceCreated(
            11L, "order", 1, 12L, "<default>", Set.of("channel:web", "vip"), "order-4711", null);

    ProcessInstanceEvent event =
        client
            .newCreateInstanceCommand()
            .bpmnProcessId("order")
            .latestVersion()
            .businessId("order-4711")
            .tags(Set.of("channel:web", "vip"))
            .send()
            .join();

    CreateProcessInstanceCommand command = engine.nextCall(CreateProcessInstanceCommand.class);
    assertThat(command.businessId()).isEqualTo("order-4711");
    assertThat(command.tags()).containsExactlyInAnyOrder("channel:web", "vip");
    assertThat(event.getBusinessId()).isEqualTo("order-4711");
    assertThat(event.getTags()).containsExactlyInAnyOrder("channel:web", "vip");
  }

  @Test
  void shouldCancelProcessInstance() throws Exception {
    client.newCancelInstanceCommand(2251799813685260L).send().join();

    assertThat(engine.nextCall(CancelInstance.class).processInstanceKey())
        .isEqualTo(2251799813685260L);
  }

  @Test
  void shouldActivateJobsWithFieldsBothWays() throws Exception {
    engine.activations.add(
        CompletableFuture.completedFuture(
            List.of(
                new io.orderhub.engine.api.ActivatedJob(
                    2251799813685300L,
                    "ship",
                    2251799813685301L,
                    "order",
                    3,
                    2251799813685302L,
                    "ship-task",
                    2251799813685303L,
                    Map.of("carrier", "dhl"),
                    "shipper-1",
                    2,
                    1_900_000_000_000L,
                    Map.of("parcels", 3, "address", Map.of("city", "Köln")),
                    "<default>",
                    Set.of("express")))));

    ActivateJobsResponse response =
        client
            .newActivateJobsCommand()
            .jobType("ship")
            .maxJobsToActivate(5)
            .workerName("shipper-1")
            .timeout(Duration.ofMinutes(2))
            .fetchVariables("parcels", "address")
            .requestTimeout(Duration.ofSeconds(3))
            .send()
            .join();

    ActivateJobsCommand command = engine.nextCall(ActivateJobsCommand.class);
    assertThat(command.type()).isEqualTo("ship");
    assertThat(command.worker()).isEqualTo("shipper-1");
    assertThat(command.maxJobs()).isEqualTo(5);
    assertThat(command.timeout()).isEqualTo(Duration.ofMinutes(2));
    assertThat(command.fetchVariables()).containsExactly("parcels", "address");
    assertThat(command.tenantIds()).containsExactly("<default>");
    assertThat(command.requestTimeout()).isEqualTo(Duration.ofSeconds(3));

    ActivatedJob job = response.getJobs().getFirst();
    assertThat(job.getKey()).isEqualTo(2251799813685300L);
    assertThat(job.getType()).isEqualTo("ship");
    assertThat(job.getProcessInstanceKey()).isEqualTo(2251799813685301L);
    assertThat(job.getBpmnProcessId()).isEqualTo("order");
    assertThat(job.getProcessDefinitionVersion()).isEqualTo(3);
    assertThat(job.getProcessDefinitionKey()).isEqualTo(2251799813685302L);
    assertThat(job.getElementId()).isEqualTo("ship-task");
    assertThat(job.getElementInstanceKey()).isEqualTo(2251799813685303L);
    assertThat(job.getCustomHeaders()).containsExactly(Map.entry("carrier", "dhl"));
    assertThat(job.getWorker()).isEqualTo("shipper-1");
    assertThat(job.getRetries()).isEqualTo(2);
    assertThat(job.getDeadline()).isEqualTo(1_900_000_000_000L);
    assertThat(job.getVariablesAsMap())
        .containsEntry("parcels", 3)
        .containsEntry("address", Map.of("city", "Köln"));
    assertThat(job.getTenantId()).isEqualTo("<default>");
    assertThat(job.getTags()).containsExactly("express");
  }

  @Test
  void shouldAnswerActivationOnlyWhenTheEngineLongPollEnds() throws Exception {
    CompletableFuture<List<io.orderhub.engine.api.ActivatedJob>> longPoll =
        new CompletableFuture<>();
    engine.activations.add(longPoll);

    CompletableFuture<ActivateJobsResponse> response =
        client
            .newActivateJobsCommand()
            .jobType("ship")
            .maxJobsToActivate(1)
            .requestTimeout(Duration.ofSeconds(20))
            .send()
            .toCompletableFuture();

    engine.nextCall(ActivateJobsCommand.class);
    assertThat(response).isNotDone();
    longPoll.complete(List.of());
    assertThat(response.get(10, TimeUnit.SECONDS).getJobs()).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({"0, 10000", "-1, 0", "250, 250"})
  void shouldApplyZeebeRequestTimeoutSemantics(long sent, long expectedMillis) throws Exception {
    engine.activations.add(CompletableFuture.completedFuture(List.of()));

    HttpResponse<String> response =
        send(
            "POST",
            "/v2/jobs/activation",
            "{\"type\":\"t\",\"timeout\":1000,\"maxJobsToActivate\":1,\"requestTimeout\":"
                + sent
                + "}");

    assertThat(engine.nextCall(ActivateJobsCommand.class).requestTimeout())
        .isEqualTo(Duration.ofMillis(expectedMillis));
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(response.body()).get("jobs").isArray()).isTrue();
  }

  @Test
  void shouldCompleteJob() throws Exception {
    client.newCompleteCommand(2251799813685300L).variables(Map.of("shipped", true)).send().join();

    CompleteJob call = engine.nextCall(CompleteJob.class);
    assertThat(call.jobKey()).isEqualTo(2251799813685300L);
    assertThat(call.variables()).containsExactly(Map.entry("shipped", true));
  }

  @Test
  void shouldFailJobWithRetriesBackoffAndMessage() throws Exception {
    client
        .newFailCommand(2251799813685300L)
        .retries(2)
        .errorMessage("carrier down")
        .retryBackoff(Duration.ofSeconds(30))
        .variables(Map.of("attempt", 1))
        .send()
        .join();

    FailJob call = engine.nextCall(FailJob.class);
    assertThat(call.jobKey()).isEqualTo(2251799813685300L);
    assertThat(call.retries()).isEqualTo(2);
    assertThat(call.errorMessage()).isEqualTo("carrier down");
    assertThat(call.retryBackoff()).isEqualTo(Duration.ofSeconds(30));
    assertThat(call.variables()).containsExactly(Map.entry("attempt", 1));
  }

  @Test
  void shouldThrowBpmnError() throws Exception {
    client
        .newThrowErrorCommand(2251799813685300L)
        .errorCode("OUT_OF_STOCK")
        .errorMessage("sku 17 is gone")
        .variables(Map.of("sku", 17))
        .send()
        .join();

    ThrowError call = engine.nextCall(ThrowError.class);
    assertThat(call.jobKey()).isEqualTo(2251799813685300L);
    assertThat(call.errorCode()).isEqualTo("OUT_OF_STOCK");
    assertThat(call.errorMessage()).isEqualTo("sku 17 is gone");
    assertThat(call.variables()).containsExactly(Map.entry("sku", 17));
  }

  @Test
  void shouldUpdateJobRetriesAndTimeout() throws Exception {
    client.newUpdateRetriesCommand(7L).retries(5).send().join();
    client.newUpdateTimeoutCommand(7L).timeout(Duration.ofSeconds(9)).send().join();
    client.newUpdateJobCommand(7L).update(4, 1000L).send().join();

    assertThat(engine.nextCall(UpdateRetries.class)).isEqualTo(new UpdateRetries(7L, 5));
    assertThat(engine.nextCall(UpdateTimeout.class))
        .isEqualTo(new UpdateTimeout(7L, Duration.ofSeconds(9)));
    assertThat(engine.nextCall(UpdateRetries.class)).isEqualTo(new UpdateRetries(7L, 4));
    assertThat(engine.nextCall(UpdateTimeout.class))
        .isEqualTo(new UpdateTimeout(7L, Duration.ofSeconds(1)));
  }

  @Test
  void shouldPublishMessageWithTtlAndMessageId() throws Exception {
    engine.messagePublished = new MessagePublished(2251799813685400L, "<default>");

    PublishMessageResponse response =
        client
            .newPublishMessageCommand()
            .messageName("payment-received")
            .correlationKey("order-4711")
            .timeToLive(Duration.ofMinutes(5))
            .messageId("pay-1")
            .variables(Map.of("paid", 99.5))
            .send()
            .join();

    PublishMessageCommand command = engine.nextCall(PublishMessageCommand.class);
    assertThat(command.name()).isEqualTo("payment-received");
    assertThat(command.correlationKey()).isEqualTo("order-4711");
    assertThat(command.timeToLive()).isEqualTo(Duration.ofMinutes(5));
    assertThat(command.messageId()).isEqualTo("pay-1");
    assertThat(command.variables()).containsExactly(Map.entry("paid", 99.5));
    assertThat(command.tenantId()).isEqualTo("<default>");
    assertThat(response.getMessageKey()).isEqualTo(2251799813685400L);
    assertThat(response.getTenantId()).isEqualTo("<default>");
  }

  @Test
  void shouldResolveIncident() throws Exception {
    client.newResolveIncidentCommand(2251799813685500L).send().join();

    assertThat(engine.nextCall(ResolveIncident.class).incidentKey()).isEqualTo(2251799813685500L);
  }

  @Test
  void shouldSetVariables() throws Exception {
    client
        .newSetVariablesCommand(2251799813685600L)
        .variables(Map.of("approved", true))
        .local(true)
        .send()
        .join();

    assertThat(engine.nextCall(SetVariables.class))
        .isEqualTo(new SetVariables(2251799813685600L, Map.of("approved", true), true));
  }

  @Test
  void shouldBroadcastSignal() throws Exception {
    engine.signalKey = 2251799813685700L;

    BroadcastSignalResponse response =
        client
            .newBroadcastSignalCommand()
            .signalName("stock-replenished")
            .variables(Map.of("sku", 17))
            .send()
            .join();

    assertThat(engine.nextCall(BroadcastSignal.class))
        .isEqualTo(new BroadcastSignal("stock-replenished", Map.of("sku", 17), "<default>"));
    assertThat(response.getKey()).isEqualTo(2251799813685700L);
    assertThat(response.getTenantId()).isEqualTo("<default>");
  }

  @ParameterizedTest
  @CsvSource({
    "INVALID_ARGUMENT, 400",
    "NOT_FOUND, 404",
    "ALREADY_EXISTS, 409",
    "INVALID_STATE, 409",
    "RESOURCE_EXHAUSTED, 503",
    "UNIMPLEMENTED, 501",
    "UNAVAILABLE, 503"
  })
  void shouldTurnRejectionIntoProblem(RejectionType type, int status) throws Exception {
    engine.rejectWith = new EngineRejection(type, "no process instance with key 42");

    ProblemException problem =
        catchThrowableOfType(
            ProblemException.class, () -> client.newCancelInstanceCommand(42L).send().join());

    assertThat(problem.code()).isEqualTo(status);
    assertThat(problem.details().getStatus()).isEqualTo(status);
    assertThat(problem.details().getTitle()).isEqualTo(type.name());
    assertThat(problem.details().getDetail()).isEqualTo("no process instance with key 42");
    assertThat(problem.details().getInstance())
        .isEqualTo(URI.create("/v2/process-instances/42/cancellation"));
    // httpclient5's default retry strategy inside the client re-sends once, 1 s later, on 503
    int attempts = status == 503 ? 2 : 1;
    for (int i = 0; i < attempts; i++) {
      assertThat(engine.nextCall(CancelInstance.class).processInstanceKey()).isEqualTo(42L);
    }
    assertThat(engine.noMoreCalls()).isTrue();
  }

  @Test
  void shouldAnswerMalformedJsonWithBadRequestProblem() throws Exception {
    HttpResponse<String> response = send("POST", "/v2/messages/publication", "{\"name\": \"m\",");

    assertProblem(response, 400, "INVALID_ARGUMENT");
    assertThat(detail(response)).startsWith("Malformed JSON");
    assertThat(engine.noMoreCalls()).isTrue();
  }

  @Test
  void shouldNameMissingOrInvalidField() throws Exception {
    HttpResponse<String> missing =
        send("POST", "/v2/jobs/activation", "{\"timeout\":1000,\"maxJobsToActivate\":1}");
    HttpResponse<String> wrongType = send("POST", "/v2/jobs/7/completion", "{\"variables\":[1,2]}");
    HttpResponse<String> badKey = send("POST", "/v2/jobs/abc/completion", "{}");

    assertProblem(missing, 400, "INVALID_ARGUMENT");
    assertThat(detail(missing)).contains("'type'");
    assertProblem(wrongType, 400, "INVALID_ARGUMENT");
    assertThat(detail(wrongType)).contains("'variables'");
    assertProblem(badKey, 400, "INVALID_ARGUMENT");
    assertThat(detail(badKey)).contains("'jobKey'");
    assertThat(engine.noMoreCalls()).isTrue();
  }

  @Test
  void shouldAnswerUnknownRouteWithNotFoundProblem() throws Exception {
    assertProblem(get("/v2/no-such-thing"), 404, "NOT_FOUND");
    assertProblem(get("/index.html"), 404, "NOT_FOUND");
  }

  @Test
  void shouldAnswerKnownButUnimplementedCamundaRoutesWith501() throws Exception {
    HttpResponse<String> evaluation = send("POST", "/v2/decision-definitions/search", "{}");
    HttpResponse<String> migration = send("POST", "/v2/user-tasks/1/completion", "{}");
    HttpResponse<String> search = send("POST", "/v2/process-instances/search", "{}");

    assertProblem(evaluation, 501, "UNIMPLEMENTED");
    assertThat(detail(evaluation)).contains("/v2/decision-definitions/search");
    assertProblem(migration, 501, "UNIMPLEMENTED");
    assertThat(detail(migration)).contains("/v2/user-tasks/1/completion");
    assertProblem(search, 501, "UNIMPLEMENTED");
  }

  @Test
  void shouldAnswerWrongMethodWith405() throws Exception {
    HttpResponse<String> response = get("/v2/jobs/activation");

    assertProblem(response, 405, "METHOD_NOT_ALLOWED");
    assertThat(response.headers().firstValue("Allow")).hasValue("POST");
  }

  @Test
  void shouldRefuseUnsupportedFeaturesExplicitly() throws Exception {
    HttpResponse<String> jobResult =
        send("POST", "/v2/jobs/7/completion", "{\"result\":{\"type\":\"userTask\"}}");

    assertProblem(jobResult, 501, "UNIMPLEMENTED");
    assertThat(detail(jobResult)).contains("result");
  }

  @Test
  void shouldPollJobsOverRestWhenStreamingIsEnabled() throws Exception {
    engine.activations.add(
        CompletableFuture.completedFuture(
            List.of(
                new io.orderhub.engine.api.ActivatedJob(
                    99L,
                    "ship",
                    1L,
                    "order",
                    1,
                    2L,
                    "ship-task",
                    3L,
                    Map.of(),
                    "w",
                    3,
                    1_900_000_000_000L,
                    Map.of(),
                    "<default>",
                    Set.of()))));
    CountDownLatch handled = new CountDownLatch(1);
    // answer later empty polls quickly: the client's close waits for an in-flight long poll
    engine.emptyPollTime = Duration.ofMillis(50);

    // 8.9 opens job streams over gRPC only (StreamActivatedJobs), even with REST preferred, while
    // polling goes over POST /v2/jobs/activation. The gRPC host here never resolves, so the stream
    // fails at name resolution (it never reaches a socket) and the worker lives on polling alone.
    try (CamundaClient streamingClient =
            CamundaClient.newClientBuilder()
                .restAddress(URI.create("http://localhost:" + gateway.port()))
                .grpcAddress(URI.create("http://orderhub-no-grpc.invalid:26500"))
                .preferRestOverGrpc(true)
                .applyEnvironmentVariableOverrides(false)
                .build();
        JobWorker worker =
            streamingClient
                .newWorker()
                .jobType("ship")
                .handler(
                    (jobClient, job) -> {
                      jobClient.newCompleteCommand(job).send().join();
                      handled.countDown();
                    })
                .streamEnabled(true)
                .open()) {
      assertThat(handled.await(10, TimeUnit.SECONDS)).isTrue();
      assertThat(worker.isOpen()).isTrue();
    }

    assertThat(engine.nextCall(ActivateJobsCommand.class).type()).isEqualTo("ship");
    // the next recorded calls are completions and further (empty) polls, never a stream
    CompleteJob completion = null;
    while (completion == null) {
      Object call = engine.nextCall(Object.class);
      assertThat(call).isNotInstanceOf(RecordingEngine.OpenJobStream.class);
      if (call instanceof CompleteJob complete) {
        completion = complete;
      }
    }
    assertThat(completion.jobKey()).isEqualTo(99L);
  }

  @Test
  void shouldNotHangWhenClosedDuringLongPoll() throws Exception {
    engine.activations.add(new CompletableFuture<>()); // the engine never answers

    CompletableFuture<ActivateJobsResponse> response =
        client
            .newActivateJobsCommand()
            .jobType("ship")
            .maxJobsToActivate(1)
            .requestTimeout(Duration.ofSeconds(30))
            .send()
            .toCompletableFuture();
    engine.nextCall(ActivateJobsCommand.class);

    gateway.close();

    assertThatThrownBy(() -> response.get(10, TimeUnit.SECONDS))
        .hasCauseInstanceOf(ClientException.class);
  }

  @Test
  void shouldAnswerDeadlineExceededWhenTheEngineNeverCompletes() {
    CompletableFuture<Object> never = new CompletableFuture<>();

    assertThatThrownBy(() -> EngineCalls.await(never, Duration.ofMillis(50)))
        .isInstanceOfSatisfying(
            RestProblem.class,
            problem -> {
              assertThat(problem.status()).isEqualTo(504);
              assertThat(problem.title()).isEqualTo("DEADLINE_EXCEEDED");
            });
    assertThat(never).isCancelled();
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + gateway.port() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> send(String method, String path, String json) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + gateway.port() + path))
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(json))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static void assertProblem(HttpResponse<String> response, int status, String title)
      throws Exception {
    assertThat(response.statusCode()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    JsonNode body = JSON.readTree(response.body());
    assertThat(body.get("type").asText()).isEqualTo("about:blank");
    assertThat(body.get("title").asText()).isEqualTo(title);
    assertThat(body.get("status").asInt()).isEqualTo(status);
    assertThat(body.get("detail").asText()).isNotBlank();
    assertThat(body.get("instance").asText()).isEqualTo(response.uri().getPath());
  }

  private static String detail(HttpResponse<String> response) throws Exception {
    return JSON.readTree(response.body()).get("detail").asText();
  }
}
