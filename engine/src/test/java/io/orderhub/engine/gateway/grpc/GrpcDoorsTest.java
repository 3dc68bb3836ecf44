package io.orderhub.engine.gateway.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.gateway.protocol.GatewayGrpc;
import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.MetadataUtils;
import io.orderhub.engine.Engine;
import io.orderhub.engine.EngineConfig;
import io.orderhub.engine.security.EngineCredentials;
import io.orderhub.engine.security.Identities.User;
import io.orderhub.engine.security.IdentityChanges;
import io.orderhub.engine.security.PasswordHashes;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Knocks on every gRPC door: the methods come from the gateway's service descriptor, so a method
 * added to the protocol is knocked on too. Each call sends an empty request, which every message
 * type accepts on the wire.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GrpcDoorsTest {

  private static final String NOBODY = "nobody";
  private static final String NOBODY_PASSWORD = "nobody-secret";

  @TempDir static Path dataDir;
  private Engine engine;
  private ManagedChannel channel;
  private List<MethodDescriptor<?, ?>> methods;

  @BeforeAll
  void start() throws Exception {
    engine =
        Engine.start(
            EngineConfig.defaults(dataDir)
                .withPorts(0, -1)
                .withSecurity(EngineCredentials.TEST_ADMIN.asAdmin()));
    engine
        .security()
        .store()
        .update(
            ids ->
                IdentityChanges.putUser(
                    ids, new User(NOBODY, null, null, PasswordHashes.hash(NOBODY_PASSWORD))));
    channel =
        ManagedChannelBuilder.forAddress("127.0.0.1", engine.grpcPort()).usePlaintext().build();
    methods = new ArrayList<>(GatewayGrpc.getServiceDescriptor().getMethods());
    // connect once with a generous deadline, so a loaded machine's slow first connect is no knock
    assertThat(knock(GatewayGrpc.getTopologyMethod(), admin(), 60)).isEqualTo(Status.OK);
  }

  private static String admin() {
    return basic(EngineCredentials.TEST_ADMIN.username(), EngineCredentials.TEST_ADMIN.password());
  }

  @AfterAll
  void stop() throws InterruptedException {
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    engine.close();
  }

  @Test
  void everyMethodHasAnAuthorizationRule() {
    assertThat(methods).hasSizeGreaterThanOrEqualTo(22);
    assertThat(methods)
        .allSatisfy(
            m ->
                assertThat(GrpcAccess.of(m.getFullMethodName()))
                    .as(m.getFullMethodName())
                    .isNotNull());
  }

  @Test
  void everyMethodRefusesCallsWithoutAcceptedCredentials() {
    List<String> failures = new ArrayList<>();
    int knocks = 0;
    for (MethodDescriptor<?, ?> method : methods) {
      for (String authorization :
          new String[] {
            null,
            basic(EngineCredentials.TEST_ADMIN.username(), "wrong"),
            basic("ghost", "boo"),
            "Bearer abc.def.ghi"
          }) {
        Status status = knock(method, authorization, 30);
        knocks++;
        if (status.getCode() != Status.Code.UNAUTHENTICATED) {
          failures.add(method.getFullMethodName() + " as " + authorization + " -> " + status);
        }
      }
    }
    System.out.printf(
        "gRPC doors: %d methods x 4 unaccepted identities = %d knocks%n", methods.size(), knocks);
    assertThat(failures).isEmpty();
  }

  @Test
  void everyGuardedMethodRefusesAUserWithoutThePermission() {
    List<String> failures = new ArrayList<>();
    for (MethodDescriptor<?, ?> method : methods) {
      Status status = knock(method, basic(NOBODY, NOBODY_PASSWORD), 30);
      boolean open = GrpcAccess.of(method.getFullMethodName()).type() == null;
      Status.Code code = status.getCode();
      if (open
          ? code == Status.Code.PERMISSION_DENIED || code == Status.Code.UNAUTHENTICATED
          : code != Status.Code.PERMISSION_DENIED) {
        failures.add(method.getFullMethodName() + " -> " + status);
      }
    }
    assertThat(failures).isEmpty();
  }

  @Test
  void theAdminPassesEveryDoor() {
    List<String> failures = new ArrayList<>();
    for (MethodDescriptor<?, ?> method : methods) {
      // past the door the call may wait for work (job stream, long poll): a deadline is a pass
      Status status = knock(method, admin(), 5);
      if (status.getCode() == Status.Code.PERMISSION_DENIED
          || status.getCode() == Status.Code.UNAUTHENTICATED) {
        failures.add(method.getFullMethodName() + " -> " + status);
      }
    }
    assertThat(failures).isEmpty();
  }

  /** Calls the method with an empty request as raw bytes; the status it ends with. */
  private Status knock(MethodDescriptor<?, ?> method, String authorization, int deadlineSeconds) {
    MethodDescriptor<byte[], byte[]> raw =
        MethodDescriptor.<byte[], byte[]>newBuilder()
            .setType(method.getType())
            .setFullMethodName(method.getFullMethodName())
            .setRequestMarshaller(new RawBytes())
            .setResponseMarshaller(new RawBytes())
            .build();
    Metadata headers = new Metadata();
    if (authorization != null) {
      headers.put(
          Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), authorization);
    }
    var intercepted =
        io.grpc.ClientInterceptors.intercept(
            channel, MetadataUtils.newAttachHeadersInterceptor(headers));
    CallOptions options = CallOptions.DEFAULT.withDeadlineAfter(deadlineSeconds, TimeUnit.SECONDS);
    try {
      if (method.getType() == MethodDescriptor.MethodType.SERVER_STREAMING) {
        Iterator<byte[]> responses =
            ClientCalls.blockingServerStreamingCall(intercepted, raw, options, new byte[0]);
        while (responses.hasNext()) {
          responses.next();
        }
      } else {
        ClientCalls.blockingUnaryCall(intercepted, raw, options, new byte[0]);
      }
      return Status.OK;
    } catch (StatusRuntimeException e) {
      return e.getStatus();
    }
  }

  private static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }
}
