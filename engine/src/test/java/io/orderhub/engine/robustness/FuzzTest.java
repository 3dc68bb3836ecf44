package io.orderhub.engine.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.camunda.zeebe.gateway.protocol.GatewayGrpc;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass;
import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.MethodDescriptor;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCalls;
import io.orderhub.engine.gateway.grpc.RawBytes;
import io.orderhub.engine.testing.EngineTestBase;
import io.orderhub.engine.testing.Transport;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A fuzz campaign against a running engine: generated bad BPMN, FEEL, JSON and protobuf, from a
 * seed ({@code -Dfuzz.seed}, default fixed) for a bounded time ({@code -Dfuzz.seconds}, default
 * 40). After each input the engine must still process commands (an instance runs to its end); every
 * {@value #RESTART_EVERY} inputs, and at the end, it is restarted on its data directory, so its
 * journal must still recover. The count of inputs is printed.
 */
class FuzzTest extends EngineTestBase {

  private static final int RESTART_EVERY = 60;
  private static final String[] GRPC_METHODS = {
    "CreateProcessInstance",
    "DeployResource",
    "PublishMessage",
    "CompleteJob",
    "SetVariables",
    "BroadcastSignal",
    "CancelProcessInstance",
    "FailJob",
    "ThrowError",
    "ModifyProcessInstance"
  };
  private static final String[] REST_PATHS = {
    "/v2/process-instances",
    "/v2/messages/publication",
    "/v2/messages/correlation",
    "/v2/jobs/activation",
    "/v2/signals/broadcast",
    "/v2/decision-definitions/evaluation",
    "/v2/process-instances/search",
    "/v2/element-instances/1/variables"
  };

  private final HttpClient http = HttpClient.newHttpClient();
  private Random random;
  private final List<String> serverErrors = new ArrayList<>();
  // issue 12: a request the engine cannot use is that request's rejection, never a server error
  private final List<String> grpcServerErrors = new ArrayList<>();
  private String grpcInput = "";

  @Test
  void shouldSurviveGeneratedBadInput() throws Exception {
    long seed = Long.getLong("fuzz.seed", 20261130L);
    long seconds = Long.getLong("fuzz.seconds", 40L);
    random = new Random(seed);
    deployProbe();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    int[] counts = new int[4];
    int inputs = 0;
    int restarts = 0;
    while (System.nanoTime() < deadline) {
      int kind = random.nextInt(4);
      switch (kind) {
        case 0 -> badBpmn();
        case 1 -> badFeel();
        case 2 -> badJson();
        default -> badProtobuf();
      }
      counts[kind]++;
      inputs++;
      assertStillProcesses(inputs);
      if (inputs % RESTART_EVERY == 0) {
        restartEngine();
        restarts++;
        assertStillProcesses(inputs);
      }
    }
    restartEngine();
    restarts++;
    assertStillProcesses(inputs);
    System.out.printf(
        "fuzz: seed %d, %d inputs in %d s (BPMN %d, FEEL %d, JSON %d, protobuf %d), %d recoveries,"
            + " %d REST server errors, %d gRPC UNKNOWN/INTERNAL%n",
        seed,
        inputs,
        seconds,
        counts[0],
        counts[1],
        counts[2],
        counts[3],
        restarts,
        serverErrors.size(),
        grpcServerErrors.size());
    serverErrors.stream().limit(10).forEach(e -> System.out.println("  5xx: " + e));
    assertThat(inputs).isGreaterThan(0);
    assertThat(grpcServerErrors)
        .as("gRPC inputs answered with UNKNOWN or INTERNAL instead of a rejection")
        .isEmpty();
  }

  // ---- the engine still answers

  private void deployProbe() {
    client(Transport.REST)
        .newDeployResourceCommand()
        .addResourceBytes(HostileModels.definitions(HostileModels.process("probe", 0)), "p.bpmn")
        .send()
        .join();
  }

  private void assertStillProcesses(int inputs) {
    CamundaClient client = client(inputs % 2 == 0 ? Transport.REST : Transport.GRPC);
    var result =
        client
            .newCreateInstanceCommand()
            .bpmnProcessId("probe")
            .latestVersion()
            .withResult()
            .send()
            .join(30, TimeUnit.SECONDS);
    assertThat(result.getProcessInstanceKey())
        .as("after input %d the engine runs an instance to its end", inputs)
        .isPositive();
  }

  // ---- BPMN

  private void badBpmn() {
    byte[] xml;
    switch (random.nextInt(6)) {
      case 0 -> xml = truncate(validBpmn());
      case 1 -> xml = flipBytes(validBpmn());
      case 2 -> xml = deeplyNested(random.nextInt(5_000));
      case 3 ->
          xml =
              ("<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                      + "<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\">&e;</bpmn:definitions>")
                  .getBytes(StandardCharsets.UTF_8);
      case 4 -> xml = HostileModels.script("fz" + random.nextInt(1000), randomFeel(3));
      default -> xml = randomBytes(random.nextInt(2_000));
    }
    deploy(xml, random.nextBoolean() ? "fuzz.bpmn" : randomName());
  }

  private byte[] validBpmn() {
    return switch (random.nextInt(3)) {
      case 0 -> HostileModels.loop("fz-loop", random.nextInt(50));
      case 1 -> HostileModels.longSequence("fz-seq", random.nextInt(20));
      default -> HostileModels.script("fz-script", randomFeel(2));
    };
  }

  private byte[] deeplyNested(int depth) {
    StringBuilder xml = new StringBuilder(HostileModels.HEADER);
    xml.append("<bpmn:process id=\"deep\" isExecutable=\"true\">");
    xml.append("<bpmn:subProcess id=\"s\">".repeat(depth));
    xml.append("</bpmn:subProcess>".repeat(depth));
    xml.append("</bpmn:process></bpmn:definitions>");
    return xml.toString().getBytes(StandardCharsets.UTF_8);
  }

  private void deploy(byte[] resource, String name) {
    Transport transport = random.nextBoolean() ? Transport.REST : Transport.GRPC;
    try {
      var deployed =
          client(transport)
              .newDeployResourceCommand()
              .addResourceBytes(resource, name)
              .send()
              .join(30, TimeUnit.SECONDS);
      // what deployed also runs, so its FEEL and loops meet the engine at run time
      deployed.getProcesses().stream()
          .limit(3)
          .forEach(
              p -> {
                try {
                  client(transport)
                      .newCreateInstanceCommand()
                      .processDefinitionKey(p.getProcessDefinitionKey())
                      .variables(Map.of("x", random.nextInt(), "s", randomText(20)))
                      .send()
                      .join(30, TimeUnit.SECONDS);
                } catch (RuntimeException rejected) {
                  // a rejection is a fine answer
                }
              });
    } catch (RuntimeException rejected) {
      // a rejection is a fine answer
    }
  }

  // ---- FEEL

  private void badFeel() {
    String feel = randomFeel(4);
    deploy(HostileModels.script("feel" + random.nextInt(100), feel), "feel.bpmn");
  }

  private static final String[] FEEL_ATOMS = {
    "1",
    "0",
    "-1",
    "x",
    "s",
    "null",
    "true",
    "\"a\"",
    "1..100000",
    "1..1000000000",
    "[1,2,3]",
    "{a: 1}",
    "9223372036854775807",
    "1e400",
    "date(\"2026-01-01\")",
    "@\"P1D\"",
    "now()",
    "count(1..100000)",
    "string join([\"a\"], \"b\")",
    "substring(\"abc\", 0)",
    "[]",
    "{}"
  };
  private static final String[] FEEL_FORMS = {
    "%s + %s",
    "%s * %s",
    "%s / %s",
    "%s ** %s",
    "(%s)",
    "[%s, %s]",
    "for y in %s return %s",
    "some y in %s satisfies %s",
    "every y in %s satisfies %s",
    "if %s then %s else %s",
    "%s[%s]",
    "%s.a",
    "count(%s)",
    "sum(%s)",
    "string(%s)",
    "%s = %s",
    "not(%s)",
    "{f: function(n) if n = 0 then 0 else 1 + f(n - 1), r: f(%s)}.r",
    "%s instance of number",
    "%s between %s and %s",
    "(%s",
    "%s)",
    "%s ,,",
    "function(a) %s"
  };

  private String randomFeel(int depth) {
    if (depth == 0 || random.nextInt(4) == 0) {
      return FEEL_ATOMS[random.nextInt(FEEL_ATOMS.length)];
    }
    if (random.nextInt(20) == 0) {
      return HostileModels.nestedParentheses(random.nextInt(3_000));
    }
    String form = FEEL_FORMS[random.nextInt(FEEL_FORMS.length)];
    int holes = form.split("%s", -1).length - 1;
    Object[] parts = new Object[holes];
    for (int i = 0; i < holes; i++) {
      parts[i] = randomFeel(depth - 1);
    }
    return form.formatted(parts);
  }

  // ---- JSON over REST

  private void badJson() throws IOException, InterruptedException {
    String path = REST_PATHS[random.nextInt(REST_PATHS.length)];
    byte[] body =
        switch (random.nextInt(5)) {
          case 0 -> randomBytes(random.nextInt(500));
          case 1 -> ("[".repeat(random.nextInt(5_000))).getBytes(StandardCharsets.UTF_8);
          case 2 -> truncate(randomJson(4).getBytes(StandardCharsets.UTF_8));
          default -> randomJson(4).getBytes(StandardCharsets.UTF_8);
        };
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + engine.restPort() + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", basicAuthorization())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() >= 500 && response.statusCode() != 501) {
      serverErrors.add(path + " " + response.statusCode() + " " + abbreviate(response.body()));
    }
  }

  private String randomJson(int depth) {
    if (depth == 0 || random.nextInt(3) == 0) {
      return switch (random.nextInt(9)) {
        case 0 -> "\"" + randomText(10).replace("\"", "").replace("\\", "") + "\"";
        case 1 -> String.valueOf(random.nextLong());
        case 2 -> "1e400";
        case 3 -> "18446744073709551617";
        case 4 -> "null";
        case 5 -> "true";
        case 6 -> "\"probe\"";
        case 7 -> "-0.0";
        default -> String.valueOf(random.nextDouble());
      };
    }
    String[] keys = {
      "processDefinitionId",
      "processDefinitionKey",
      "variables",
      "name",
      "correlationKey",
      "type",
      "maxJobsToActivate",
      "timeToLive",
      "signalName",
      "requestTimeout",
      "elementId",
      "decisionDefinitionId",
      "filter",
      "page",
      random.nextBoolean() ? "x" : randomText(5)
    };
    if (random.nextBoolean()) {
      StringBuilder array = new StringBuilder("[");
      for (int i = random.nextInt(4); i > 0; i--) {
        array.append(randomJson(depth - 1)).append(i > 1 ? "," : "");
      }
      return array.append(']').toString();
    }
    StringBuilder object = new StringBuilder("{");
    for (int i = random.nextInt(5); i > 0; i--) {
      object
          .append('"')
          .append(keys[random.nextInt(keys.length)].replace("\"", ""))
          .append("\":")
          .append(randomJson(depth - 1))
          .append(i > 1 ? "," : "");
    }
    return object.append('}').toString();
  }

  // ---- protobuf over gRPC

  private void badProtobuf() {
    ManagedChannel channel =
        ManagedChannelBuilder.forAddress("localhost", engine.grpcPort())
            .usePlaintext()
            .intercept(grpcCredentials())
            .build();
    grpcInput = "";
    try {
      if (random.nextBoolean()) {
        String method = GRPC_METHODS[random.nextInt(GRPC_METHODS.length)];
        byte[] message = randomBytes(random.nextInt(300));
        grpcInput = method + " with random bytes " + java.util.HexFormat.of().formatHex(message);
        MethodDescriptor<byte[], byte[]> descriptor =
            MethodDescriptor.<byte[], byte[]>newBuilder()
                .setType(MethodDescriptor.MethodType.UNARY)
                .setFullMethodName(
                    MethodDescriptor.generateFullMethodName("gateway_protocol.Gateway", method))
                .setRequestMarshaller(new RawBytes())
                .setResponseMarshaller(new RawBytes())
                .build();
        ClientCalls.blockingUnaryCall(
            channel,
            descriptor,
            CallOptions.DEFAULT.withDeadlineAfter(30, TimeUnit.SECONDS),
            message);
      } else {
        // well-formed messages with hostile content
        var stub = GatewayGrpc.newBlockingStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS);
        switch (random.nextInt(3)) {
          case 0 ->
              stub.createProcessInstance(
                  record(
                      GatewayOuterClass.CreateProcessInstanceRequest.newBuilder()
                          .setBpmnProcessId(random.nextBoolean() ? "probe" : randomText(10))
                          .setVersion(random.nextInt())
                          .setVariables(randomJson(3))
                          .build()));
          case 1 ->
              stub.publishMessage(
                  record(
                      GatewayOuterClass.PublishMessageRequest.newBuilder()
                          .setName(randomText(10))
                          .setCorrelationKey(randomText(10))
                          .setTimeToLive(random.nextLong())
                          .setVariables(randomJson(3))
                          .build()));
          default ->
              stub.setVariables(
                  record(
                      GatewayOuterClass.SetVariablesRequest.newBuilder()
                          .setElementInstanceKey(random.nextLong())
                          .setVariables(randomJson(3))
                          .setLocal(random.nextBoolean())
                          .build()));
        }
      }
    } catch (StatusRuntimeException rejected) {
      if (rejected.getStatus().getCode() == io.grpc.Status.Code.INTERNAL
          || rejected.getStatus().getCode() == io.grpc.Status.Code.UNKNOWN) {
        grpcServerErrors.add(grpcInput + " -> " + rejected.getStatus());
      }
    } finally {
      channel.shutdownNow();
    }
  }

  /** Remembers a well-formed message, so a server error names the input that caused it. */
  private <T extends com.google.protobuf.Message> T record(T message) {
    grpcInput =
        message.getDescriptorForType().getName()
            + " "
            + com.google.protobuf.TextFormat.shortDebugString(message);
    return message;
  }

  // ---- helpers

  private byte[] truncate(byte[] bytes) {
    return java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length + 1));
  }

  private byte[] flipBytes(byte[] bytes) {
    byte[] copy = bytes.clone();
    for (int i = random.nextInt(10) + 1; i > 0 && copy.length > 0; i--) {
      copy[random.nextInt(copy.length)] = (byte) random.nextInt(256);
    }
    return copy;
  }

  private byte[] randomBytes(int length) {
    byte[] bytes = new byte[length];
    random.nextBytes(bytes);
    return bytes;
  }

  private String randomText(int maxLength) {
    StringBuilder text = new StringBuilder();
    for (int i = random.nextInt(maxLength + 1); i > 0; i--) {
      text.append(
          (char) (random.nextBoolean() ? 'a' + random.nextInt(26) : random.nextInt(0x3000)));
    }
    return text.toString();
  }

  private String randomName() {
    return switch (random.nextInt(4)) {
      case 0 -> "../../etc/passwd.bpmn";
      case 1 -> "a\u0000b.bpmn";
      case 2 -> "x".repeat(random.nextInt(5_000)) + ".bpmn";
      default -> randomText(20) + ".xml";
    };
  }

  private static String abbreviate(String text) {
    return text.length() <= 200 ? text : text.substring(0, 200) + "...";
  }
}
