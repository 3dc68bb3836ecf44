package io.orderhub.engine.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.CamundaClient;
import io.camunda.client.CredentialsProvider;
import io.camunda.client.api.command.ProblemException;
import io.camunda.zeebe.gateway.protocol.GatewayGrpc;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.TopologyRequest;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.MetadataUtils;
import io.orderhub.engine.Engine;
import io.orderhub.engine.EngineConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * OIDC as Camunda 8.8+ offers it: the official client with its standard {@code oidc} settings
 * (client id and secret, token URL, audience) works over REST and gRPC; tokens that are expired,
 * for another audience, from another issuer or signed by another key are refused.
 */
class OidcAuthenticationTest {

  @TempDir Path dataDir;
  @TempDir Path clientCache;
  private TestIssuer issuer;
  private Engine engine;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void start() throws Exception {
    issuer = new TestIssuer(Map.of("orderhub-app", "app-secret", "stranger", "stranger-secret"));
    engine =
        Engine.start(
            EngineConfig.defaults(dataDir)
                .withPorts(0, 0)
                .withSecurity(SecurityConfig.oidc(issuer.config("orderhub-app"))));
  }

  @AfterEach
  void stop() {
    engine.close();
    issuer.close();
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void theOfficialClientConnectsWithItsStandardOidcSettings(boolean rest) {
    try (CamundaClient client = client("orderhub-app", "app-secret", rest)) {
      client
          .newDeployResourceCommand()
          .addProcessModel(
              Bpmn.createExecutableProcess("oidc").startEvent().endEvent().done(), "oidc.bpmn")
          .send()
          .join();
      assertThat(
              client
                  .newCreateInstanceCommand()
                  .bpmnProcessId("oidc")
                  .latestVersion()
                  .send()
                  .join()
                  .getProcessInstanceKey())
          .isPositive();
    }
  }

  @Test
  void aValidTokenWithoutAuthorizationsIsRefusedThePermission() {
    try (CamundaClient client = client("stranger", "stranger-secret", true)) {
      assertThatThrownBy(
              () ->
                  client
                      .newDeployResourceCommand()
                      .addProcessModel(
                          Bpmn.createExecutableProcess("x").startEvent().endEvent().done(),
                          "x.bpmn")
                      .send()
                      .join())
          .isInstanceOf(ProblemException.class)
          .satisfies(e -> assertThat(((ProblemException) e).code()).isEqualTo(403));
    }
  }

  @Test
  void unacceptableTokensAreUnauthenticatedOverRestAndGrpc() throws Exception {
    Map<String, String> tokens =
        Map.of(
            "expired", issuer.token("orderhub-app", TestIssuer.AUDIENCE, Duration.ofMinutes(-10)),
            "wrong audience", issuer.token("orderhub-app", "another-api", Duration.ofMinutes(5)),
            "wrong issuer", issuer.tokenFromIssuer("http://evil.example", "orderhub-app"),
            "foreign key", issuer.tokenSignedByAStranger("orderhub-app"),
            "garbage", "not-a-jwt");
    ManagedChannel channel =
        ManagedChannelBuilder.forAddress("127.0.0.1", engine.grpcPort()).usePlaintext().build();
    try {
      for (Map.Entry<String, String> token : tokens.entrySet()) {
        HttpResponse<String> response =
            http.send(
                HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + engine.restPort() + "/v2/topology"))
                    .header("Authorization", "Bearer " + token.getValue())
                    .GET()
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(token.getKey()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate"))
            .get()
            .asString()
            .startsWith("Bearer");

        Metadata headers = new Metadata();
        headers.put(
            Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER),
            "Bearer " + token.getValue());
        assertThatThrownBy(
                () ->
                    GatewayGrpc.newBlockingStub(channel)
                        .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers))
                        .withDeadlineAfter(10, TimeUnit.SECONDS)
                        .topology(TopologyRequest.getDefaultInstance()))
            .as(token.getKey())
            .isInstanceOfSatisfying(
                StatusRuntimeException.class,
                e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED));
      }
      // and a good one passes the same door
      HttpResponse<String> ok =
          http.send(
              HttpRequest.newBuilder(
                      URI.create("http://127.0.0.1:" + engine.restPort() + "/v2/topology"))
                  .header(
                      "Authorization",
                      "Bearer "
                          + issuer.token(
                              "orderhub-app", TestIssuer.AUDIENCE, Duration.ofMinutes(5)))
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(ok.statusCode()).isEqualTo(200);
    } finally {
      channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
  }

  @Test
  void basicCredentialsAreNotAcceptedInOidcMode() throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + engine.restPort() + "/v2/topology"))
                .header("Authorization", "Basic YWRtaW46YWRtaW4=")
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(401);
  }

  private CamundaClient client(String clientId, String secret, boolean rest) {
    CredentialsProvider credentials =
        CredentialsProvider.newCredentialsProviderBuilder()
            .applyEnvironmentOverrides(false)
            .clientId(clientId)
            .clientSecret(secret)
            .audience(TestIssuer.AUDIENCE)
            .authorizationServerUrl(issuer.tokenUrl())
            .credentialsCachePath(clientCache.resolve(clientId + ".yaml").toString())
            .build();
    return CamundaClient.newClientBuilder()
        .applyEnvironmentVariableOverrides(false)
        .restAddress(URI.create("http://127.0.0.1:" + engine.restPort()))
        .grpcAddress(URI.create("http://127.0.0.1:" + engine.grpcPort()))
        .preferRestOverGrpc(rest)
        .credentialsProvider(credentials)
        .defaultRequestTimeout(Duration.ofSeconds(20))
        .build();
  }
}
