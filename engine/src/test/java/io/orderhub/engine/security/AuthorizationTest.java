package io.orderhub.engine.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.search.enums.OwnerType;
import io.camunda.client.api.search.enums.PermissionType;
import io.camunda.client.api.search.enums.ResourceType;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.orderhub.engine.Engine;
import io.orderhub.engine.EngineConfig;
import io.orderhub.engine.testing.Transport;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Authorizations in Camunda's terms, managed and used through the official client: users, roles and
 * authorizations created over {@code /v2/users}, {@code /v2/roles}, {@code /v2/authorizations} bind
 * exactly the permissions they name, over both transports, and survive a restart.
 */
class AuthorizationTest {

  private static final EngineCredentials ADMIN = EngineCredentials.TEST_ADMIN;
  private static final EngineCredentials STARTER =
      new EngineCredentials("starter", "starter-secret");

  @TempDir Path dataDir;
  private Engine engine;

  @AfterEach
  void stop() {
    if (engine != null) {
      engine.close();
    }
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void aUserMayDoExactlyWhatItsAuthorizationsName(Transport transport) throws Exception {
    start(ADMIN.asAdmin());
    try (CamundaClient admin = client(ADMIN, Transport.REST)) {
      deploy(admin, "allowed");
      deploy(admin, "other");
      admin
          .newCreateUserCommand()
          .username(STARTER.username())
          .password(STARTER.password())
          .name("Starter")
          .email("starter@example.com")
          .send()
          .join();
      admin
          .newCreateAuthorizationCommand()
          .ownerId(STARTER.username())
          .ownerType(OwnerType.USER)
          .resourceId("allowed")
          .resourceType(ResourceType.PROCESS_DEFINITION)
          .permissionTypes(PermissionType.CREATE_PROCESS_INSTANCE)
          .send()
          .join();
    }
    try (CamundaClient starter = client(STARTER, transport)) {
      assertThat(
              starter
                  .newCreateInstanceCommand()
                  .bpmnProcessId("allowed")
                  .latestVersion()
                  .send()
                  .join()
                  .getProcessInstanceKey())
          .isPositive();
      assertDenied(
          transport,
          () ->
              starter
                  .newCreateInstanceCommand()
                  .bpmnProcessId("other")
                  .latestVersion()
                  .send()
                  .join());
      assertDenied(transport, () -> deploy(starter, "mine"));
      assertDenied(
          transport,
          () ->
              starter
                  .newPublishMessageCommand()
                  .messageName("PaymentConfirmed")
                  .correlationKey("order-1")
                  .send()
                  .join());
    }
  }

  @Test
  void searchesShowOnlyWhatTheCallerMayRead() throws Exception {
    start(ADMIN.asAdmin());
    EngineCredentials reader = new EngineCredentials("reader", "reader-secret");
    try (CamundaClient admin = client(ADMIN, Transport.REST)) {
      deploy(admin, "allowed");
      deploy(admin, "other");
      for (String process : new String[] {"allowed", "allowed", "other"}) {
        admin.newCreateInstanceCommand().bpmnProcessId(process).latestVersion().send().join();
      }
      admin
          .newCreateUserCommand()
          .username(reader.username())
          .password(reader.password())
          .send()
          .join();
      admin
          .newCreateAuthorizationCommand()
          .ownerId(reader.username())
          .ownerType(OwnerType.USER)
          .resourceId("allowed")
          .resourceType(ResourceType.PROCESS_DEFINITION)
          .permissionTypes(
              PermissionType.READ_PROCESS_INSTANCE, PermissionType.READ_PROCESS_DEFINITION)
          .send()
          .join();
      Awaitility.await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> admin.newProcessInstanceSearchRequest().send().join().items().size() == 3);
    }
    try (CamundaClient client = client(reader, Transport.REST)) {
      assertThat(client.newProcessInstanceSearchRequest().send().join().items())
          .hasSize(2)
          .allSatisfy(i -> assertThat(i.getProcessDefinitionId()).isEqualTo("allowed"));
      assertThat(client.newProcessInstanceSearchRequest().send().join().page().totalItems())
          .isEqualTo(2);
      assertThat(
              client
                  .newProcessInstanceSearchRequest()
                  .filter(f -> f.processDefinitionId("other"))
                  .send()
                  .join()
                  .items())
          .isEmpty();
      assertThat(client.newProcessDefinitionSearchRequest().send().join().items())
          .extracting(d -> d.getProcessDefinitionId())
          .containsExactly("allowed");
    }
    EngineCredentials blind = new EngineCredentials("blind", "blind-secret");
    try (CamundaClient admin = client(ADMIN, Transport.REST)) {
      admin
          .newCreateUserCommand()
          .username(blind.username())
          .password(blind.password())
          .send()
          .join();
    }
    try (CamundaClient client = client(blind, Transport.REST)) {
      assertDenied(Transport.REST, () -> client.newProcessInstanceSearchRequest().send().join());
    }
  }

  @Test
  void rolesGrantTheirPermissionsToTheirMembersAndEverythingSurvivesARestart() throws Exception {
    start(ADMIN.asAdmin());
    try (CamundaClient admin = client(ADMIN, Transport.REST)) {
      admin.newCreateUserCommand().username("worker").password("worker-secret").send().join();
      admin.newCreateRoleCommand().roleId("workers").name("Workers").send().join();
      admin.newAssignRoleToUserCommand().roleId("workers").username("worker").send().join();
      admin
          .newCreateAuthorizationCommand()
          .ownerId("workers")
          .ownerType(OwnerType.ROLE)
          .resourceId("*")
          .resourceType(ResourceType.PROCESS_DEFINITION)
          .permissionTypes(PermissionType.UPDATE_PROCESS_INSTANCE)
          .send()
          .join();
      assertThat(
              admin
                  .newAuthorizationSearchRequest()
                  .filter(f -> f.ownerId("workers"))
                  .send()
                  .join()
                  .items())
          .singleElement()
          .satisfies(
              a ->
                  assertThat(a.getPermissionTypes())
                      .containsExactly(PermissionType.UPDATE_PROCESS_INSTANCE));
    }
    EngineCredentials worker = new EngineCredentials("worker", "worker-secret");
    for (int run = 0; run < 2; run++) {
      try (CamundaClient client = client(worker, Transport.GRPC)) {
        // job work is allowed (an empty activation), anything else is not
        client
            .newActivateJobsCommand()
            .jobType("t")
            .maxJobsToActivate(1)
            .requestTimeout(Duration.ofMillis(100))
            .send()
            .join();
        assertDenied(Transport.GRPC, () -> deploy(client, "nope"));
      }
      engine.close();
      engine = null;
      String stored =
          Files.readString(dataDir.resolve("identity").resolve(IdentityStore.FILE_NAME));
      assertThat(stored)
          .contains("worker")
          .doesNotContain("worker-secret")
          .doesNotContain(ADMIN.password());
      start(ADMIN.asAdmin());
    }
  }

  @Test
  void theFirstAdminGetsAGeneratedPasswordPrintedOnceAndStoredHashed() throws Exception {
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream original = System.err;
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      start(SecurityConfig.defaults());
    } finally {
      System.setErr(original);
    }
    Matcher matcher =
        Pattern.compile("user 'admin' created with the generated password: (\\S+)")
            .matcher(captured.toString(StandardCharsets.UTF_8));
    assertThat(matcher.find()).as("the generated password is logged").isTrue();
    String password = matcher.group(1);
    try (CamundaClient admin = client(new EngineCredentials("admin", password), Transport.REST)) {
      deploy(admin, "first");
    }
    assertThat(Files.readString(dataDir.resolve("identity").resolve(IdentityStore.FILE_NAME)))
        .doesNotContain(password)
        .contains("pbkdf2-sha256$");

    // a restart neither prints nor changes it
    engine.close();
    captured.reset();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      start(SecurityConfig.defaults());
    } finally {
      System.setErr(original);
    }
    assertThat(captured.toString(StandardCharsets.UTF_8)).doesNotContain("generated password");
    try (CamundaClient admin = client(new EngineCredentials("admin", password), Transport.GRPC)) {
      deploy(admin, "second");
    }
  }

  @Test
  void authNoneIsAnExplicitChoiceThatOpensEveryDoor() throws Exception {
    start(SecurityConfig.none());
    try (CamundaClient anonymous =
        CamundaClient.newClientBuilder()
            .applyEnvironmentVariableOverrides(false)
            .restAddress(URI.create("http://127.0.0.1:" + engine.restPort()))
            .grpcAddress(URI.create("http://127.0.0.1:" + engine.grpcPort()))
            .build()) {
      deploy(anonymous, "open");
    }
  }

  @Test
  void theGatewaysListenOnLoopbackByDefault() throws Exception {
    start(ADMIN.asAdmin());
    InetAddress external =
        Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
            .flatMap(i -> Collections.list(i.getInetAddresses()).stream())
            .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress())
            .findFirst()
            .orElse(null);
    Assumptions.assumeTrue(external != null, "the machine has a non-loopback address");
    for (int port : new int[] {engine.grpcPort(), engine.restPort()}) {
      try (Socket socket = new Socket()) {
        assertThatThrownBy(() -> socket.connect(new InetSocketAddress(external, port), 2_000))
            .isInstanceOf(ConnectException.class);
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2_000);
      }
    }
  }

  private void start(SecurityConfig security) throws Exception {
    engine = Engine.start(EngineConfig.defaults(dataDir).withPorts(0, 0).withSecurity(security));
  }

  private CamundaClient client(EngineCredentials credentials, Transport transport) {
    return CamundaClient.newClientBuilder()
        .applyEnvironmentVariableOverrides(false)
        .restAddress(URI.create("http://127.0.0.1:" + engine.restPort()))
        .grpcAddress(URI.create("http://127.0.0.1:" + engine.grpcPort()))
        .preferRestOverGrpc(transport == Transport.REST)
        .credentialsProvider(credentials.provider())
        .defaultRequestTimeout(Duration.ofSeconds(20))
        .build();
  }

  private static void deploy(CamundaClient client, String processId) {
    client
        .newDeployResourceCommand()
        .addProcessModel(
            Bpmn.createExecutableProcess(processId).startEvent().endEvent().done(),
            processId + ".bpmn")
        .send()
        .join();
  }

  private static void assertDenied(Transport transport, Runnable call) {
    assertThatThrownBy(call::run)
        .satisfies(
            e -> {
              if (transport == Transport.REST) {
                ProblemException problem = find(e, ProblemException.class);
                assertThat(problem).as("a problem answer, in %s", e).isNotNull();
                assertThat(problem.code()).isEqualTo(403);
              } else {
                StatusRuntimeException status = find(e, StatusRuntimeException.class);
                assertThat(status).as("a gRPC status, in %s", e).isNotNull();
                assertThat(status.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
              }
            });
  }

  private static <T extends Throwable> T find(Throwable e, Class<T> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }
}
