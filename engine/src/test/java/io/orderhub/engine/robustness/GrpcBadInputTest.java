package io.orderhub.engine.robustness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.zeebe.gateway.protocol.GatewayGrpc;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.CreateProcessInstanceRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.PublishMessageRequest;
import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCalls;
import io.orderhub.engine.gateway.grpc.RawBytes;
import io.orderhub.engine.testing.EngineTestBase;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 12: a gRPC request the engine cannot use is that request's rejection, never UNKNOWN
 * ("Application error processing RPC") or INTERNAL. Deterministic counterpart of {@link FuzzTest}'s
 * protobuf inputs.
 */
class GrpcBadInputTest extends EngineTestBase {

  private static final String[] UNARY_METHODS = {
    "Topology",
    "DeployResource",
    "CreateProcessInstance",
    "CreateProcessInstanceWithResult",
    "CancelProcessInstance",
    "ActivateJobs",
    "CompleteJob",
    "FailJob",
    "ThrowError",
    "UpdateJobRetries",
    "UpdateJobTimeout",
    "PublishMessage",
    "ResolveIncident",
    "SetVariables",
    "BroadcastSignal",
    "EvaluateDecision",
    "ModifyProcessInstance",
    "MigrateProcessInstance"
  };

  private ManagedChannel channel;

  @BeforeEach
  void openChannel() {
    channel =
        ManagedChannelBuilder.forAddress("localhost", engine.grpcPort())
            .usePlaintext()
            .intercept(grpcCredentials())
            .build();
  }

  @AfterEach
  void closeChannel() throws InterruptedException {
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
  }

  @Test
  void shouldRejectRandomBytesAsInvalidArgument() {
    Random random = new Random(12L);
    List<String> serverErrors = new ArrayList<>();
    int sent = 0;
    for (String method : UNARY_METHODS) {
      for (int i = 0; i < 40; i++) {
        byte[] message = new byte[random.nextInt(300)];
        random.nextBytes(message);
        Status status = call(method, message);
        sent++;
        if (isServerError(status)) {
          serverErrors.add(method + " " + HexFormat.of().formatHex(message) + " -> " + status);
        }
      }
    }
    assertThat(sent).isEqualTo(UNARY_METHODS.length * 40);
    assertThat(serverErrors).as("server errors for random request bytes").isEmpty();
  }

  @Test
  void shouldRejectUnparsableMessageNamingTheProblem() {
    // a length-delimited field (tag 1, wire type 2) whose length runs past the end of the message
    Status status = call("PublishMessage", new byte[] {0x0a, 0x7f, 0x61});

    assertThat(status.getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(status.getDescription()).contains("PublishMessageRequest");
  }

  @Test
  void shouldRejectNegativeVersionNamingTheField() {
    var stub = GatewayGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS);
    for (int version : new int[] {-2, Integer.MIN_VALUE}) {
      assertThatThrownBy(
              () ->
                  stub.createProcessInstance(
                      CreateProcessInstanceRequest.newBuilder()
                          .setBpmnProcessId("probe")
                          .setVersion(version)
                          .build()))
          .isInstanceOfSatisfying(
              StatusRuntimeException.class,
              e -> {
                assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
                assertThat(e.getStatus().getDescription()).contains("version");
              });
    }
  }

  @Test
  void shouldRejectNegativeTimeToLiveNamingTheField() {
    var stub = GatewayGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS);
    for (long ttl : new long[] {-1L, Long.MIN_VALUE, Long.MIN_VALUE + 1}) {
      assertThatThrownBy(
              () ->
                  stub.publishMessage(
                      PublishMessageRequest.newBuilder()
                          .setName("m")
                          .setCorrelationKey("k")
                          .setTimeToLive(ttl)
                          .build()))
          .isInstanceOfSatisfying(
              StatusRuntimeException.class,
              e -> {
                assertThat(e.getStatus().getCode())
                    .as("ttl %d", ttl)
                    .isEqualTo(Status.Code.INVALID_ARGUMENT);
                assertThat(e.getStatus().getDescription()).containsIgnoringCase("timeToLive");
              });
    }
  }

  // ---- raw calls

  private Status call(String method, byte[] message) {
    MethodDescriptor<byte[], byte[]> descriptor =
        MethodDescriptor.<byte[], byte[]>newBuilder()
            .setType(MethodDescriptor.MethodType.UNARY)
            .setFullMethodName(
                MethodDescriptor.generateFullMethodName("gateway_protocol.Gateway", method))
            .setRequestMarshaller(new RawBytes())
            .setResponseMarshaller(new RawBytes())
            .build();
    try {
      ClientCalls.blockingUnaryCall(
          channel,
          descriptor,
          // short: a random ActivateJobs may long-poll, which is a fine answer too
          CallOptions.DEFAULT.withDeadlineAfter(3, TimeUnit.SECONDS),
          message);
      return Status.OK;
    } catch (StatusRuntimeException e) {
      return e.getStatus();
    }
  }

  private static boolean isServerError(Status status) {
    return status.getCode() == Status.Code.UNKNOWN || status.getCode() == Status.Code.INTERNAL;
  }
}
