package io.orderhub.engine.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.camunda.zeebe.gateway.protocol.GatewayGrpc;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ActivateJobsRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.CreateProcessInstanceRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.CreateProcessInstanceWithResultRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.PublishMessageRequest;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.orderhub.engine.record.EngineEvent.ElementTerminated;
import io.orderhub.engine.record.EngineEvent.MessagePublished;
import io.orderhub.engine.testing.EngineTestBase;
import io.orderhub.engine.testing.Rejected;
import io.orderhub.engine.testing.Transport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The gateways' edges, driven over the wire as an attacker or a sloppy client would: raw HTTP
 * (java.net.http, and a raw socket where the framing itself is wrong), raw gRPC stubs, and the
 * official client. Each input is refused with a clear client error, never a 500 with an exception
 * text, and never acted upon.
 */
@Timeout(90)
class StrictEdgesTest extends EngineTestBase {

  private static final ObjectMapper JSON = new ObjectMapper();

  private HttpClient http;
  private ManagedChannel channel;

  @BeforeEach
  void openConnections() {
    http = HttpClient.newHttpClient();
    channel =
        ManagedChannelBuilder.forAddress("localhost", engine.grpcPort())
            .usePlaintext()
            .intercept(grpcCredentials())
            .build();
  }

  @AfterEach
  void closeConnections() throws InterruptedException {
    http.close();
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
  }

  // ---- REST framing and media types

  @ParameterizedTest
  @ValueSource(strings = {"text/plain", "application/xml", "application/x-www-form-urlencoded"})
  void shouldRefuseABodyThatIsNotDeclaredJsonWith415(String contentType) throws Exception {
    HttpResponse<String> response =
        post("/v2/messages/publication", contentType, "{\"name\":\"m\",\"correlationKey\":\"k\"}");

    assertProblem(response, 415, "UNSUPPORTED_MEDIA_TYPE");
    assertThat(detail(response)).contains("application/json").contains(contentType);
    assertThat(records.events(MessagePublished.class)).isEmpty();
  }

  @Test
  void shouldRefuseAJsonBodyWithoutContentTypeWith415() throws Exception {
    HttpResponse<String> response =
        post("/v2/messages/publication", null, "{\"name\":\"m\",\"correlationKey\":\"k\"}");

    assertProblem(response, 415, "UNSUPPORTED_MEDIA_TYPE");
    assertThat(records.events(MessagePublished.class)).isEmpty();
  }

  @Test
  void shouldAnswerABodyBeyondJacksonsNestingLimitWith400() throws Exception {
    String deep = "{\"filter\":" + "[".repeat(1_001) + "]".repeat(1_001) + "}";

    HttpResponse<String> response = post("/v2/process-instances/search", "application/json", deep);

    assertProblem(response, 400, "INVALID_ARGUMENT");
    assertThat(response.body()).contains("nesting depth");
  }

  @Test
  void shouldAcceptJsonWithCharsetAndAnEmptyBodyWithoutContentType() throws Exception {
    ProcessInstanceEvent instance = startOneTask();

    HttpResponse<String> published =
        post(
            "/v2/messages/publication",
            "application/json; charset=utf-8",
            "{\"name\":\"m\",\"correlationKey\":\"k\"}");
    HttpResponse<String> cancelled =
        post(
            "/v2/process-instances/" + instance.getProcessInstanceKey() + "/cancellation",
            null,
            "");

    assertThat(published.statusCode()).isEqualTo(200);
    assertThat(cancelled.statusCode()).isEqualTo(204);
  }

  @Test
  void shouldAnswerABodyShorterThanItsContentLengthWith400() throws Exception {
    String body = "{\"name\":\"m\",\"correlationKey\":\"k\"}";
    String response =
        rawHttp(
            "POST /v2/messages/publication HTTP/1.1\r\n"
                + "Authorization: "
                + basicAuthorization()
                + "\r\n"
                + "Host: localhost\r\n"
                + "Content-Type: application/json\r\n"
                + "Content-Length: "
                + (body.length() + 100)
                + "\r\n\r\n"
                + body);

    assertRawProblem(response, 400);
    assertThat(records.events(MessagePublished.class)).isEmpty();
  }

  @Test
  void shouldAnswerABrokenChunkWith400() throws Exception {
    String response =
        rawHttp(
            "POST /v2/messages/publication HTTP/1.1\r\n"
                + "Authorization: "
                + basicAuthorization()
                + "\r\n"
                + "Host: localhost\r\n"
                + "Content-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n"
                + "zz\r\n{\"name\":\"m\"}\r\n0\r\n\r\n");

    assertRawProblem(response, 400);
    assertThat(records.events(MessagePublished.class)).isEmpty();
  }

  // ---- keys

  @Test
  void shouldParseKeysStrictlyAndNeverActOnANearMiss() throws Exception {
    ProcessInstanceEvent instance = startOneTask();
    String key = Long.toString(instance.getProcessInstanceKey());
    StringBuilder fullWidth = new StringBuilder();
    key.chars().forEach(c -> fullWidth.append((char) ('\uFF10' + (c - '0'))));

    List<String> nearMisses =
        List.of(
            key + "%00",
            "%20" + key,
            key + "%20",
            "0" + key,
            "%2B" + key,
            "-" + key,
            URLEncoder.encode(fullWidth.toString(), StandardCharsets.UTF_8),
            key + "0000000000000000000");
    for (String nearMiss : nearMisses) {
      HttpResponse<String> response =
          post("/v2/process-instances/" + nearMiss + "/cancellation", "application/json", "{}");
      assertProblem(response, 400, "INVALID_ARGUMENT");
      assertThat(detail(response)).contains("processInstanceKey").doesNotContain("\u0000");
    }

    assertThat(records.events(ElementTerminated.class)).isEmpty();
    HttpResponse<String> exact =
        post("/v2/process-instances/" + key + "/cancellation", "application/json", "{}");
    assertThat(exact.statusCode()).isEqualTo(204);
  }

  // ---- request timeouts

  @Test
  void shouldLongPollWithAnAbsurdlyLargeRequestTimeoutOverRest() throws Exception {
    deploy(Transport.REST, oneTask("edge", "edge-work"));
    CompletableFuture<HttpResponse<String>> poll =
        http.sendAsync(
            request("/v2/jobs/activation", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"type\":\"edge-work\",\"timeout\":60000,\"maxJobsToActivate\":1,"
                            + "\"requestTimeout\":"
                            + Long.MAX_VALUE
                            + "}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    start(Transport.REST, "edge", Map.of());

    HttpResponse<String> response = poll.get(30, TimeUnit.SECONDS);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(JSON.readTree(response.body()).get("jobs")).hasSize(1);
  }

  @Test
  void shouldAwaitACreationWithAnAbsurdlyLargeRequestTimeoutOverRest() throws Exception {
    deploy(Transport.REST, Bpmn.createExecutableProcess("instant").startEvent().endEvent().done());

    HttpResponse<String> response =
        post(
            "/v2/process-instances",
            "application/json",
            "{\"processDefinitionId\":\"instant\",\"awaitCompletion\":true,"
                + "\"variables\":{\"a\":1},\"requestTimeout\":"
                + Long.MAX_VALUE
                + "}");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(JSON.readTree(response.body()).get("variables").get("a").asInt()).isEqualTo(1);
  }

  @Test
  void shouldLongPollWithAnAbsurdlyLargeRequestTimeoutOverGrpc() {
    GatewayGrpc.GatewayBlockingStub stub =
        GatewayGrpc.newBlockingStub(channel).withDeadlineAfter(2, TimeUnit.SECONDS);

    StatusRuntimeException ended =
        catchThrowableOfType(
            StatusRuntimeException.class,
            () ->
                stub.activateJobs(
                        ActivateJobsRequest.newBuilder()
                            .setType("nothing-to-do")
                            .setWorker("w")
                            .setTimeout(60_000)
                            .setMaxJobsToActivate(1)
                            .setRequestTimeout(Long.MAX_VALUE)
                            .build())
                    .forEachRemaining(response -> {}));

    // the poll was parked until the client gave up, not refused at once as a broken command
    assertThat(ended.getStatus().getCode()).isEqualTo(Status.Code.DEADLINE_EXCEEDED);
  }

  @Test
  void shouldApplyTheGatewayDefaultToANonPositiveAwaitTimeoutOverGrpc() {
    deploy(Transport.GRPC, oneTask("waits", "never-worked"));
    GatewayGrpc.GatewayBlockingStub stub =
        GatewayGrpc.newBlockingStub(channel).withDeadlineAfter(40, TimeUnit.SECONDS);
    long started = System.nanoTime();

    StatusRuntimeException timedOut =
        catchThrowableOfType(
            StatusRuntimeException.class,
            () ->
                stub.createProcessInstanceWithResult(
                    CreateProcessInstanceWithResultRequest.newBuilder()
                        .setRequest(
                            CreateProcessInstanceRequest.newBuilder()
                                .setBpmnProcessId("waits")
                                .setVersion(-1))
                        .setRequestTimeout(-1)
                        .build()));

    // the engine's own 10 s default ends the wait, long before the stub's 40 s deadline
    assertThat(timedOut.getStatus().getCode()).isEqualTo(Status.Code.DEADLINE_EXCEEDED);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
  }

  // ---- values the engine must not take

  @ParameterizedTest
  @EnumSource(Transport.class)
  void shouldRejectANegativeMessageTimeToLive(Transport transport) {
    Rejected.by(
        transport,
        () ->
            client(transport)
                .newPublishMessageCommand()
                .messageName("m")
                .correlationKey("k")
                .timeToLive(Duration.ofMillis(-1))
                .send()
                .join(),
        400,
        Status.Code.INVALID_ARGUMENT);

    assertThat(records.events(MessagePublished.class)).isEmpty();
  }

  @Test
  void shouldRejectGrpcVariablesWithTrailingGarbage() {
    deploy(Transport.GRPC, oneTask("edge", "edge-work"));
    GatewayGrpc.GatewayBlockingStub stub =
        GatewayGrpc.newBlockingStub(channel).withDeadlineAfter(20, TimeUnit.SECONDS);

    StatusRuntimeException create =
        catchThrowableOfType(
            StatusRuntimeException.class,
            () ->
                stub.createProcessInstance(
                    CreateProcessInstanceRequest.newBuilder()
                        .setBpmnProcessId("edge")
                        .setVersion(-1)
                        .setVariables("{\"a\":1} {\"b\":2}")
                        .build()));
    StatusRuntimeException publish =
        catchThrowableOfType(
            StatusRuntimeException.class,
            () ->
                stub.publishMessage(
                    PublishMessageRequest.newBuilder()
                        .setName("m")
                        .setCorrelationKey("k")
                        .setVariables("{\"a\":1}garbage")
                        .build()));

    assertThat(create.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(create.getStatus().getDescription()).contains("variables");
    assertThat(publish.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(records.events(MessagePublished.class)).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void shouldRejectResourceNamesThatAreNotPlainBoundedText(Transport transport) {
    byte[] model = Bpmn.convertToString(oneTask("named", "work")).getBytes(StandardCharsets.UTF_8);
    List<String> badNames =
        List.of(
            "../../etc/escape.bpmn",
            "orders\\..\\escape.bpmn",
            "n".repeat(2_000) + ".bpmn",
            "tab\there.bpmn");
    for (String name : badNames) {
      String message =
          Rejected.by(
              transport,
              () ->
                  client(transport)
                      .newDeployResourceCommand()
                      .addResourceBytes(model, name)
                      .send()
                      .join(),
              400,
              Status.Code.INVALID_ARGUMENT);
      assertThat(message).contains("resource name");
    }
  }

  @Test
  void shouldRejectANulInAResourceNameOverGrpc() {
    byte[] model = Bpmn.convertToString(oneTask("named", "work")).getBytes(StandardCharsets.UTF_8);

    String message =
        Rejected.by(
            Transport.GRPC,
            () ->
                client(Transport.GRPC)
                    .newDeployResourceCommand()
                    .addResourceBytes(model, "order.bpmn\u0000.txt")
                    .send()
                    .join(),
            400,
            Status.Code.INVALID_ARGUMENT);

    assertThat(message).contains("control character").contains("\\u0000");
  }

  @Test
  void shouldRejectANulInAResourceNameOverRest() throws Exception {
    String model = Bpmn.convertToString(oneTask("named", "work"));
    String body =
        "--b0und\r\n"
            + "Content-Disposition: form-data; name=\"resources\"; filename=\"order.bpmn\u0000.txt\"\r\n"
            + "Content-Type: application/octet-stream\r\n\r\n"
            + model
            + "\r\n--b0und--\r\n";

    HttpResponse<String> response =
        post("/v2/deployments", "multipart/form-data; boundary=b0und", body);

    assertProblem(response, 400, "INVALID_ARGUMENT");
    assertThat(detail(response)).contains("control character").doesNotContain("\u0000");
  }

  // ---- helpers

  private ProcessInstanceEvent startOneTask() {
    deploy(Transport.REST, oneTask("edge", "edge-work"));
    return start(Transport.REST, "edge", Map.of());
  }

  private HttpRequest.Builder request(String path, String contentType) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create("http://localhost:" + engine.restPort() + path))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", basicAuthorization());
    return contentType == null ? builder : builder.header("Content-Type", contentType);
  }

  private HttpResponse<String> post(String path, String contentType, String body) throws Exception {
    return http.send(
        request(path, contentType).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Writes the bytes as they are, ends the request side, and reads the whole answer. */
  private String rawHttp(String request) throws IOException {
    try (Socket socket = new Socket("localhost", engine.restPort())) {
      socket.setSoTimeout(20_000);
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.UTF_8));
      out.flush();
      socket.shutdownOutput();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream answer = new ByteArrayOutputStream();
      in.transferTo(answer);
      return answer.toString(StandardCharsets.UTF_8);
    }
  }

  private static void assertRawProblem(String response, int status) throws IOException {
    assertThat(response).startsWith("HTTP/1.1 " + status);
    assertThat(response).containsIgnoringCase("Content-Type: application/problem+json");
    String body = response.substring(response.indexOf("\r\n\r\n") + 4);
    JsonNode problem = JSON.readTree(body);
    assertThat(problem.get("status").asInt()).isEqualTo(status);
    assertThat(problem.get("detail").asText()).doesNotContain("Exception");
  }

  private static void assertProblem(HttpResponse<String> response, int status, String title)
      throws IOException {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    JsonNode body = JSON.readTree(response.body());
    assertThat(body.get("title").asText()).isEqualTo(title);
    assertThat(body.get("detail").asText()).doesNotContain("Exception");
  }

  private static String detail(HttpResponse<String> response) throws IOException {
    return JSON.readTree(response.body()).get("detail").asText();
  }
}
